/**
 * A SQL string literal for the few statements that take no parameters (SET, EXPORT/IMPORT DATABASE):
 * quotes doubled, as SQL escapes them. Only for values the application chose (paths), never user text.
 */
export function sqlStringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
