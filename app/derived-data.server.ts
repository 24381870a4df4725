// Routes that change published data (publication, an agency leaving) refresh the derived tables
// (search index, analytics rollups) through the server's one registry.
export { refreshDerivedData } from "../server/derived-data";
