#!/bin/bash
kill $(lsof -ti tcp:3298) 2>/dev/null; sleep 1
cd /work/main && (PORT=3298 DATA_DIR=/tmp/agency-1m HOST=127.0.0.1 NODE_ENV=production node scripts/start.mjs --demo > /tmp/srv.log 2>&1 &)
for i in $(seq 1 100); do curl -sf http://127.0.0.1:3298/healthz >/dev/null && break; sleep 1; done
