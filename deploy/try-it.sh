#!/usr/bin/env bash
# docs/deployment.md followed on one machine, as a script: the transcript of the commands and checks of
# deploy/README.md. Two Tenhal nodes on the machine's PostgreSQL server (localhost:5432) behind Debian's nginx with
# TLS, then a rolling restart under load, a nightly dump restored, and a point-in-time recovery drill.
#
# Needs: root (it runs PostgreSQL's tools as user postgres), Debian's nginx and postgresql packages, a PostgreSQL server
# on localhost:5432 that user postgres may reach without a password, Java 17, Maven (or a built jar).
# It touches nothing but its own: database tenhal_prod_guide (and _restored), roles tenhal_prod_owner and
# tenhal_prod_app, ports 8186-8189, files under /tmp/production-*. systemd is not assumed: each node is started the way
# deploy/tenhal.service starts it (its env file, then java $JAVA_OPTS -jar).
#
#   deploy/try-it.sh            build the jar if missing, run everything, stop everything it started
#   KEEP=1 deploy/try-it.sh     leave the nodes and nginx running at the end (stop: deploy/try-it.sh stop)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=/tmp/production-guide
PG="psql -X -q -v ON_ERROR_STOP=1 -h localhost -p 5432 -U postgres"
DB=tenhal_prod_guide
NODE_PORTS=(8186 8187)
HTTPS=8188
HTTP=8189
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
BEARER=""

step() { printf '\n== %s  [%s]\n' "$*" "$(date -u +%T)"; }
check() { printf '   ok: %s\n' "$*"; }
fail() { printf '   FAILED: %s\n' "$*"; exit 1; }

pid_of() { cat "$WORK/$1.pid" 2>/dev/null || true; }
stop_pid() { # by the pid we recorded, never by name
  local name=$1 pid
  pid=$(pid_of "$name")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$WORK/$name.pid"
}
stop_all() {
  stop_pid node1; stop_pid node2; stop_pid drill
  [ -f "$WORK/nginx/nginx.pid" ] && kill -QUIT "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  if [ -f "$WORK/pitr/restored/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pitr/restored" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ -f "$WORK/pitr/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pitr/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
if [ "${1:-}" = stop ]; then stop_all; exit 0; fi
[ -z "${KEEP:-}" ] && trap stop_all EXIT

start_node() { # name envfile: as deploy/tenhal.service does it
  local name=$1 env=$2
  ( set -a; . "$env"; set +a; cd "$WORK/$name"; exec java $JAVA_OPTS -jar "$WORK/tenhal.jar" ) \
    >"$WORK/$name.log" 2>&1 &
  echo $! >"$WORK/$name.pid"
}
await_ready() { # name url seconds: prints the seconds it took; exits if the node stopped or took too long
  local started=$SECONDS pid
  pid=$(pid_of "$1")
  until curl -fsk "$2/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    if ! kill -0 "$pid" 2>/dev/null || [ $((SECONDS - started)) -gt "$3" ]; then
      echo "not ready: $1 ($2); its log ends:" >&2; tail -30 "$WORK/$1.log" >&2; exit 1
    fi
    sleep 1
  done
  echo $((SECONDS - started))
}
api() { # method path [json] -> body; status in $WORK/status
  local method=$1 path=$2 body=${3:-}
  curl -sk -o "$WORK/body" -w '%{http_code}' -X "$method" "https://localhost:$HTTPS$path" \
    -H "Authorization: Bearer $BEARER" -H 'Content-Type: application/json' ${body:+--data "$body"} >"$WORK/status"
  cat "$WORK/body"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

stop_all
rm -rf "$WORK" && mkdir -p "$WORK"/{node1,node2,drill,nginx}

step "1. the jar (mvn -B package)"
JAR=$(ls "$ROOT"/target/tenhal-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls "$ROOT"/target/tenhal-*.jar | grep -v original | head -1)
fi
cp "$JAR" "$WORK/tenhal.jar"
check "$(basename "$JAR"), $(du -h "$WORK/tenhal.jar" | cut -f1)"

step "2. PostgreSQL: version, extensions, roles and schema ownership (docs/deployment.md section 2)"
$PG -Atc 'select version()'
$PG -Atc "select name || ' ' || default_version from pg_available_extensions where name in ('pg_trgm','btree_gist')"
$PG -d postgres <<SQL
drop database if exists ${DB}_restored;
drop database if exists $DB;
drop role if exists tenhal_prod_app;
drop role if exists tenhal_prod_owner;
create role tenhal_prod_owner login password 'owner-secret';
create role tenhal_prod_app   login password 'app-secret';
create database $DB owner tenhal_prod_owner encoding 'UTF8' template template0;
SQL
$PG -d $DB <<'SQL'
alter schema public owner to tenhal_prod_owner;
revoke create on schema public from public;
grant usage on schema public to tenhal_prod_app;
alter default privileges for role tenhal_prod_owner in schema public
  grant select, insert, update, delete on tables to tenhal_prod_app;
alter default privileges for role tenhal_prod_owner in schema public
  grant usage, select on sequences to tenhal_prod_app;
SQL
check "database $DB owned by tenhal_prod_owner; nodes connect as tenhal_prod_app"

step "3. configuration: one env file per node, from deploy/tenhal.env"
for n in 1 2; do
  port=${NODE_PORTS[$((n - 1))]}
  sed -e "s#^TENHAL_DB_URL=.*#TENHAL_DB_URL=jdbc:postgresql://localhost:5432/$DB#" \
      -e "s#^TENHAL_DB_USER=.*#TENHAL_DB_USER=tenhal_prod_app#" \
      -e "s#^TENHAL_DB_PASSWORD=.*#TENHAL_DB_PASSWORD=app-secret#" \
      -e "s#^TENHAL_BASE_URL=.*#TENHAL_BASE_URL=https://localhost:$HTTPS#" \
      -e "s#^TENHAL_PORT=.*#TENHAL_PORT=$port#" \
      -e "s#^TENHAL_SMTP_HOST=.*#TENHAL_SMTP_HOST=#" \
      -e "s#^TWILIO_ACCOUNT_SID=.*#TWILIO_ACCOUNT_SID=#" \
      -e "s#^JAVA_OPTS=.*#JAVA_OPTS=\"-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true\"#" \
      deploy/tenhal.env >"$WORK/node$n.env"
  if [ "$n" = 1 ]; then # the node that migrates, as the schema's owner; it also creates the first admin
    printf '%s\n' SPRING_FLYWAY_USER=tenhal_prod_owner SPRING_FLYWAY_PASSWORD=owner-secret \
      TENHAL_FIRST_ADMIN_EMAIL=admin@clinic.example.sa TENHAL_FIRST_ADMIN_PASSWORD=first-admin-secret >>"$WORK/node$n.env"
  else
    echo SPRING_FLYWAY_ENABLED=false >>"$WORK/node$n.env"
  fi
  chmod 0640 "$WORK/node$n.env"
done
check "node 1 on :8186 migrates (owner), node 2 on :8187 does not; both run jobs; no SMTP/Twilio (the outbox)"

step "4. node 1: first start on the empty database"
start_node node1 "$WORK/node1.env"
t=$(await_ready node1 http://127.0.0.1:8186 300)
check "node 1 ready in $t s"
grep -E "Successfully applied|Started TenhalApplication|First administrator" "$WORK/node1.log" | sed 's/^/   log: /'
$PG -d $DB -Atc "select 'tables owned by ' || tableowner || ': ' || count(*) from pg_tables where schemaname = 'public' group by tableowner"
$PG -d $DB -Atc "select 'extensions: ' || string_agg(extname, ', ') from pg_extension where extname <> 'plpgsql'"

step "5. node 2"
start_node node2 "$WORK/node2.env"
t=$(await_ready node2 http://127.0.0.1:8187 300)
check "node 2 ready in $t s"

step "6. nginx with TLS in front (deploy/nginx/tenhal.conf; a self-signed certificate here)"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -keyout "$WORK/nginx/key.pem" -out "$WORK/nginx/cert.pem" 2>/dev/null
sed -e "s#server 10.0.0.11:8080#server 127.0.0.1:8186#" -e "s#server 10.0.0.12:8080#server 127.0.0.1:8187#" \
    -e "s#listen 80;#listen 127.0.0.1:$HTTP;#" -e "/listen \[::\]:80;/d" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$HTTPS ssl http2;#" -e "/listen \[::\]:443 ssl http2;/d" \
    -e "s#clinic.example.sa#localhost#g" \
    -e "s#/etc/letsencrypt/live/localhost/fullchain.pem#$WORK/nginx/cert.pem#" \
    -e "s#/etc/letsencrypt/live/localhost/privkey.pem#$WORK/nginx/key.pem#" \
    -e "s#/var/log/nginx/tenhal-links.log#$WORK/nginx/links.log#" \
    deploy/nginx/tenhal.conf >"$WORK/nginx/site.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
# this machine's wrapper: nginx's own files under $WORK/nginx, not the system service on port 80
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
worker_processes 1;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr';
  access_log $WORK/nginx/access.log upstream;
  include $ROOT/deploy/nginx/tenhal-log-format.conf;
  include $WORK/nginx/site.conf;
}
EOF
nginx -t -c "$WORK/nginx/nginx.conf" 2>&1 | sed 's/^/   /'
nginx -c "$WORK/nginx/nginx.conf"
curl -s -o /dev/null -w '   plain HTTP answers %{http_code} -> %{redirect_url}\n' "http://127.0.0.1:$HTTP/login"
curl -sk "https://localhost:$HTTPS/actuator/health/readiness" | grep -q UP && check "readiness through nginx (TLS)"

step "7. the first admin signs in through nginx; an API token for the checks"
JAR_COOKIES=$WORK/cookies
csrf=$(curl -sk -c "$JAR_COOKIES" "https://localhost:$HTTPS/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
code=$(curl -sk -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null -w '%{http_code} %{redirect_url}' \
  -H 'X-Forwarded-For: 203.0.113.66' \
  --data-urlencode username=admin --data-urlencode password=first-admin-secret --data-urlencode "_csrf=$csrf" \
  "https://localhost:$HTTPS/login")
echo "   sign-in: $code"
page=$(curl -sk -b "$JAR_COOKIES" "https://localhost:$HTTPS/admin")
csrf=$(echo "$page" | grep -o '<meta name="_csrf" content="[^"]*"' | sed 's/.*content="//; s/"$//')
header=$(echo "$page" | grep -o '<meta name="_csrf_header" content="[^"]*"' | sed 's/.*content="//; s/"$//')
admin_id=$(curl -sk -b "$JAR_COOKIES" "https://localhost:$HTTPS/api/v1/users?size=5" | json 'd["content"][0]["id"]')
BEARER=$(curl -sk -b "$JAR_COOKIES" -H "$header: $csrf" -H 'Content-Type: application/json' \
  --data '{"name":"try-it","validForDays":1}' "https://localhost:$HTTPS/api/v1/users/$admin_id/tokens" | json 'd["token"]')
[ -n "$BEARER" ] && check "signed in as admin through nginx, with the session in PostgreSQL; token issued"
statuses=$(for _ in $(seq 1 8); do curl -sk -b "$JAR_COOKIES" -o /dev/null -w '%{http_code} ' "https://localhost:$HTTPS/admin"; done)
echo "   8 page views with that session: $statuses"
tail -8 "$WORK/nginx/access.log" | grep -o 'upstream=[0-9.:]*' | sort | uniq -c | sed 's/^/   served by /'
recorded=$($PG -d $DB -Atc "select distinct address from audit_entry where action like '%SIGN%' or action like '%LOGIN%'" | tr '\n' ' ')
echo "   address the audit trail recorded for the sign-in: $recorded (the client claimed 203.0.113.66; nginx replaced it)"

step "8. data through one node, seen by the other (sessions, caches)"
api POST /api/v1/centres '{"code":"RYD","nameEn":"Riyadh Centre","nameAr":"مركز الرياض","vatNumber":"300000000000003"}' >/dev/null
echo "   POST /api/v1/centres: $(cat "$WORK/status")"
for p in 8186 8187; do
  n=$(curl -s -H "Authorization: Bearer $BEARER" "http://127.0.0.1:$p/api/v1/centres" | json 'len(d if isinstance(d, list) else d["content"])')
  echo "   node :$p lists $n centre(s)"
done

step "9. jobs: both nodes share them"
$PG -d $DB -Atc "select 'recurring jobs scheduled: ' || count(*) from scheduled_tasks"
$PG -d $DB -Atc "select 'nodes whose scheduler is alive (heartbeat within 2 min of a running execution, or polling): ' || count(*) from pg_stat_activity where datname = '$DB' and application_name = 'tenhal'" >/dev/null
$PG -d $DB -Atc "select 'executions due and not picked (overdue): ' || count(*) from scheduled_tasks where not picked and execution_time < now() - interval '1 minute'"
api GET /api/v1/admin/jobs >/dev/null && echo "   GET /api/v1/admin/jobs: $(cat "$WORK/status")"

step "10. the patients' links and the probes through nginx"
curl -sk -D - -o /dev/null "https://localhost:$HTTPS/p/confirm/$(printf 'ab%.0s' $(seq 1 32))" \
  | grep -iE '^HTTP|^cache-control|^referrer-policy' | sed 's/^/   /'
grep -q abababab "$WORK/nginx/links.log" && fail "the token reached the access log" || check "links log without the token: $(tail -1 "$WORK/nginx/links.log")"
curl -sk -o /dev/null -w '   /actuator/prometheus with the admin token: %{http_code}\n' -H "Authorization: Bearer $BEARER" \
  "https://localhost:$HTTPS/actuator/prometheus"
curl -sk -H "Authorization: Bearer $BEARER" "https://localhost:$HTTPS/actuator/prometheus" | grep -E '^tenhal_' | sed 's/^/   /'

step "11. rolling restart under load: SIGTERM node 2 while requests flow through nginx"
( end=$((SECONDS + 25)); while [ $SECONDS -lt $end ]; do
    curl -sk -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $BEARER" "https://localhost:$HTTPS/api/v1/centres"
  done >"$WORK/load.txt" ) &
loader=$!
sleep 5
t0=$SECONDS
stop_pid node2
echo "   node 2 stopped in $((SECONDS - t0)) s; its last lines:"
tail -4 "$WORK/node2.log" | cut -c1-200 | sed 's/^/     /'
start_node node2 "$WORK/node2.env"
t=$(await_ready node2 http://127.0.0.1:8187 300)
check "node 2 ready again in $t s"
wait $loader
echo "   requests during the restart: $(sort "$WORK/load.txt" | uniq -c | tr '\n' ' ')"
$PG -d $DB -Atc "select 'job executions still held by a stopped node: ' || count(*) from scheduled_tasks where picked and picked_by not in (select distinct picked_by from scheduled_tasks where last_heartbeat > now() - interval '2 minutes')"

step "12. the nightly dump, restored into a second database (restore drill, logical)"
t0=$SECONDS
install -d -o postgres -g postgres "$WORK/backup"
runuser -u postgres -- pg_dump -h localhost -Fc -d $DB -f "$WORK/backup/tenhal.dump"
$PG -d postgres -c "create database ${DB}_restored owner tenhal_prod_owner template template0"
runuser -u postgres -- pg_restore -h localhost -d ${DB}_restored --no-owner --role=tenhal_prod_owner "$WORK/backup/tenhal.dump"
echo "   dump $(du -h "$WORK/backup/tenhal.dump" | cut -f1), restored in $((SECONDS - t0)) s;" \
  "centres in the copy: $($PG -d ${DB}_restored -Atc 'select count(*) from centre')," \
  "audit entries: $($PG -d ${DB}_restored -Atc 'select count(*) from audit_entry') (original $($PG -d $DB -Atc 'select count(*) from audit_entry'))"

step "13. stop both nodes and nginx (SIGTERM: graceful)"
for n in node1 node2; do t0=$SECONDS; stop_pid $n; echo "   $n stopped in $((SECONDS - t0)) s"; done
kill -QUIT "$(cat "$WORK/nginx/nginx.pid")"
grep -hE "Graceful shutdown|Commencing graceful" "$WORK"/node*.log | cut -c1-160 | sed 's/^/   log: /' | sort | uniq -c

step "14. point-in-time recovery drill (a PostgreSQL of its own with WAL archiving, on :$HTTP)"
P=$WORK/pitr
mkdir -p "$P/wal" && chown -R postgres: "$P"
runuser -u postgres -- "$PGBIN/initdb" -D "$P/data" -A trust -U postgres >/dev/null
cat >>"$P/data/postgresql.conf" <<EOF
port = $HTTP
listen_addresses = '127.0.0.1'
unix_socket_directories = '$P'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $P/wal/%f && cp %p $P/wal/%f'
EOF
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$P/data" -l "$P/server.log" -w start >/dev/null
PP="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $HTTP -U postgres"
$PP -d postgres -c "create role tenhal_prod_owner login password 'owner-secret'" -c "create role tenhal_prod_app login password 'app-secret'"
$PP -d postgres -c "create database tenhal owner tenhal_prod_owner template template0"
runuser -u postgres -- pg_restore -h 127.0.0.1 -p $HTTP -d tenhal "$WORK/backup/tenhal.dump"
runuser -u postgres -- "$PGBIN/pg_basebackup" -h 127.0.0.1 -p $HTTP -U postgres -D "$P/base" -Ft -z -X fetch -c fast
check "base backup taken: $(du -sh "$P/base" | cut -f1)"
$PP -d tenhal -c "update centre set name_en = 'Riyadh Centre (renamed before the target)'"
sleep 2
target=$($PP -d tenhal -Atc "select now()")
sleep 2
$PP -d tenhal -c "update centre set name_en = 'WRONG: changed after the target'"
$PP -d postgres -Atc "select pg_switch_wal()" >/dev/null
sleep 2
echo "   target time: $target; after it, a wrong change: $($PP -d tenhal -Atc "select string_agg(code || '=' || name_en, ', ') from centre")"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$P/data" -m fast -w stop >/dev/null
t0=$SECONDS
mkdir -m 0700 "$P/restored"
tar -xzf "$P/base/base.tar.gz" -C "$P/restored"
cat >>"$P/restored/postgresql.conf" <<EOF
restore_command = 'cp $P/wal/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
archive_mode = off
EOF
touch "$P/restored/recovery.signal"
chown -R postgres: "$P/restored"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$P/restored" -l "$P/restored.log" -w -t 120 start >/dev/null
until [ "$($PP -d postgres -Atc 'select pg_is_in_recovery()')" = f ]; do sleep 1; done
echo "   recovered to the target in $((SECONDS - t0)) s: $($PP -d tenhal -Atc "select string_agg(code || '=' || name_en, ', ') from centre")"
grep -E "recovery stopping|archive recovery complete|redo done" "$P/restored.log" | cut -c1-160 | sed 's/^/   pg: /'
sed -e "s#^TENHAL_DB_URL=.*#TENHAL_DB_URL=jdbc:postgresql://127.0.0.1:$HTTP/tenhal#" -e "s#^TENHAL_JOBS_EXECUTE=.*#TENHAL_JOBS_EXECUTE=false#" \
    -e "s#^TENHAL_PORT=.*#TENHAL_PORT=8186#" "$WORK/node2.env" >"$WORK/drill.env"
echo MANAGEMENT_HEALTH_DB_SCHEDULER_ENABLED=false >>"$WORK/drill.env"
t1=$SECONDS
start_node drill "$WORK/drill.env"
t=$(await_ready drill http://127.0.0.1:8186 300)
check "a node on the recovered database (jobs off, no SMTP/Twilio: it messages nobody) ready in $t s"
curl -s -H "Authorization: Bearer $BEARER" "http://127.0.0.1:8186/api/v1/centres" | json '", ".join(c["code"] + "=" + c["nameEn"] for c in (d if isinstance(d, list) else d["content"]))' | sed 's/^/   API on the recovered copy: /'
echo "   whole drill from the stop of the damaged server to a ready node: $((SECONDS - t0)) s"
stop_pid drill

step "done"
