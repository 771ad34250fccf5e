#!/usr/bin/env bash
# deploy/Dockerfile followed on one machine, as a script: the transcript of deploy/README.md's container section.
# Podman (Debian's package) builds the image and runs one Tenhal node against the machine's PostgreSQL server
# (localhost:5432) with host networking and an env file made from deploy/tenhal.env; then readiness, the sign-in
# page, the HEALTHCHECK, and a graceful stop.
#
# Needs: root, Debian's podman and runc packages (debootstrap too when there is no base image), a PostgreSQL server on
# localhost:5432 that user postgres reaches without a password, Java 17 and Maven (or a built jar).
# It touches nothing but its own: database tenhal_docker, roles tenhal_docker_owner and tenhal_docker_app, port 8190,
# container tenhal-container, images localhost/tenhal:0.1.0 and localhost/tenhal-base:17-jre-bookworm, /tmp/tenhal-container.
#
# Docker Hub is out of reach here, so the base image is built from Debian's packages (debootstrap --variant=minbase
# bookworm + openjdk-17-jre-headless, imported with podman import) and given to the Dockerfile as
# --build-arg BASE_IMAGE. With Docker Hub: BASE_IMAGE=eclipse-temurin:17-jre deploy/try-container.sh.
#
#   deploy/try-container.sh            build what is missing, run everything, remove the container and database
#   KEEP=1 deploy/try-container.sh     leave the container and database (remove them: deploy/try-container.sh stop)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=/tmp/tenhal-container
IMAGE=localhost/tenhal:0.1.0
STANDIN=localhost/tenhal-base:17-jre-bookworm
BASE=${BASE_IMAGE:-$STANDIN}
NAME=tenhal-container
PORT=8190
DB=tenhal_docker
PG="psql -X -q -v ON_ERROR_STOP=1 -h localhost -p 5432 -U postgres"

step() { printf '\n== %s  [%s]\n' "$*" "$(date -u +%T)"; }
check() { printf '   ok: %s\n' "$*"; }
fail() { printf '   FAILED: %s\n' "$*"; exit 1; }

mkdir -p "$WORK"
# This machine's quirks, not the guide's: its cgroups are mounted in hybrid mode (v1 controllers and an empty v2),
# which crun, podman's default runtime, refuses; and its open-files limit (hard 20000) is below podman's default
# for containers (1048576), which no process here may raise. A containers.conf of the script's own says so.
hard_nofile=$(ulimit -Hn)
if [ -d /sys/fs/cgroup/unified ] || { [ "$hard_nofile" != unlimited ] && [ "$hard_nofile" -lt 1048576 ]; }; then
  cat >"$WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$hard_nofile:$hard_nofile", "nproc=4096:4096"]
[engine]
runtime = "runc"
EOF
  export CONTAINERS_CONF=$WORK/containers.conf
fi

# podman times the HEALTHCHECK with a systemd timer; this machine has no systemd, so podman complains at run and at
# stop (not fatal). Its complaint is counted, not repeated, and step 8 runs the check the way the timer would.
without_systemd_noise() {
  local rc=0
  "$@" 2>"$WORK/podman.err" || rc=$?
  grep -v 'unable to get systemd connection' "$WORK/podman.err" >&2 || true
  if grep -q 'unable to get systemd connection' "$WORK/podman.err"; then
    echo "   (podman: no systemd to time the healthcheck, $(grep -c 'unable to get systemd connection' "$WORK/podman.err") message(s))" >&2
  fi
  return $rc
}

remove_all() {
  if podman container exists "$NAME" 2>/dev/null; then
    podman stop -t 60 "$NAME" >/dev/null 2>&1 || true
    podman rm "$NAME" >/dev/null 2>&1
  fi
  $PG -d postgres -c "drop database if exists $DB" -c "drop role if exists tenhal_docker_app" \
    -c "drop role if exists tenhal_docker_owner" 2>/dev/null || true
}
if [ "${1:-}" = stop ]; then remove_all; exit 0; fi
[ -z "${KEEP:-}" ] && trap 'remove_all; echo "   removed: container $NAME, database $DB and its roles"' EXIT
remove_all

step "0. the tools"
podman --version | sed 's/^/   /'
echo "   runtime: $(podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Version}}' | head -1);" \
  "cgroups $(podman info --format '{{.Host.CgroupsVersion}}')${CONTAINERS_CONF:+; settings for this machine: $CONTAINERS_CONF}"

step "1. the jar (mvn -B package)"
JAR=$(ls "$ROOT"/target/tenhal-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls "$ROOT"/target/tenhal-*.jar | head -1)
fi
check "$(basename "$JAR"), $(du -h "$JAR" | cut -f1)"

step "2. the base image: $BASE"
if podman image exists "$BASE"; then
  check "already here: $(podman image inspect "$BASE" --format '{{.Id}}' | cut -c1-12)"
elif [ "$BASE" != "$STANDIN" ]; then
  podman pull "$BASE"
else
  # A stand-in for eclipse-temurin:17-jre from Debian's packages: what Temurin's image gives the Dockerfile
  # (a Java 17 runtime, sh, apt-get, groupadd/useradd, CA certificates), no more: no curl, no locale.
  t0=$SECONDS
  rm -rf "$WORK/rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$WORK/rootfs" \
    http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; exit 1; }
  rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
  tar -C "$WORK/rootfs" -c . | podman import \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' --change 'CMD ["java", "-version"]' - "$STANDIN" >/dev/null
  rm -rf "$WORK/rootfs"
  check "debootstrap --variant=minbase bookworm + openjdk-17-jre-headless, imported in $((SECONDS - t0)) s"
fi
podman run --rm "$BASE" java -version 2>&1 | sed -n 1,2p | sed 's/^/   /'
echo "   in it: $(podman run --rm "$BASE" sh -c 'for t in sh apt-get groupadd useradd curl; do command -v $t >/dev/null && printf "%s " $t || printf "(no %s) " $t; done')"

step "3. the image: podman build --no-cache --format docker -f deploy/Dockerfile --build-arg BASE_IMAGE=$BASE"
t0=$SECONDS
podman rmi "$IMAGE" >/dev/null 2>&1 || true # built afresh, with the layers of the last build removed, not left dangling
podman build --no-cache --format docker -f deploy/Dockerfile --build-arg "BASE_IMAGE=$BASE" -t "$IMAGE" . >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log"; exit 1; }
grep -E '^STEP|^COMMIT|Setting up curl' "$WORK/build.log" | cut -c1-150 | sed 's/^/   /'
check "built in $((SECONDS - t0)) s: $IMAGE, $(podman image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%d MB", $1/1e6}')," \
  "user $(podman image inspect "$IMAGE" --format '{{.Config.User}}')"
echo "   curl in the image: $(podman run --rm --no-healthcheck --entrypoint sh "$IMAGE" -c 'command -v curl')"
echo "   HEALTHCHECK kept (docker format): $(podman image inspect "$IMAGE" --format '{{json .Config.Healthcheck.Test}}')"

step "4. PostgreSQL: a database and roles of its own (docs/deployment.md section 2)"
$PG -d postgres <<SQL
create role tenhal_docker_owner login password 'owner-secret';
create role tenhal_docker_app   login password 'app-secret';
create database $DB owner tenhal_docker_owner encoding 'UTF8' template template0;
SQL
$PG -d $DB <<'SQL'
alter schema public owner to tenhal_docker_owner;
revoke create on schema public from public;
grant usage on schema public to tenhal_docker_app;
alter default privileges for role tenhal_docker_owner in schema public
  grant select, insert, update, delete on tables to tenhal_docker_app;
alter default privileges for role tenhal_docker_owner in schema public
  grant usage, select on sequences to tenhal_docker_app;
SQL
check "database $DB owned by tenhal_docker_owner; the container connects as tenhal_docker_app"

step "5. the env file, from deploy/tenhal.env (docker's kind: no quotes)"
sed -e "s#^TENHAL_DB_URL=.*#TENHAL_DB_URL=jdbc:postgresql://localhost:5432/$DB#" \
    -e "s#^TENHAL_DB_USER=.*#TENHAL_DB_USER=tenhal_docker_app#" \
    -e "s#^TENHAL_DB_PASSWORD=.*#TENHAL_DB_PASSWORD=app-secret#" \
    -e "s#^TENHAL_BASE_URL=.*#TENHAL_BASE_URL=http://localhost:$PORT#" \
    -e "s#^TENHAL_PORT=.*#TENHAL_PORT=$PORT#" \
    -e "s#^TENHAL_SMTP_HOST=.*#TENHAL_SMTP_HOST=#" \
    -e "s#^TWILIO_ACCOUNT_SID=.*#TWILIO_ACCOUNT_SID=#" \
    -e "s#^JAVA_OPTS=.*#JAVA_OPTS=\"-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true\"#" \
    -e 's#^\([A-Z_]*\)="\(.*\)"$#\1=\2#' \
    deploy/tenhal.env >"$WORK/tenhal.env"
printf '%s\n' SPRING_FLYWAY_USER=tenhal_docker_owner SPRING_FLYWAY_PASSWORD=owner-secret \
  TENHAL_FIRST_ADMIN_EMAIL=admin@clinic.example.sa TENHAL_FIRST_ADMIN_PASSWORD=first-admin-secret >>"$WORK/tenhal.env"
chmod 0600 "$WORK/tenhal.env"
grep -v '^#' "$WORK/tenhal.env" | grep -q '"' && fail "quotes left in the env file" || true
grep -E '^(JAVA_OPTS|TENHAL_MAIL_FROM|TENHAL_PORT)=' "$WORK/tenhal.env" | sed 's/^/   /'
# Why the quotes must go: docker's and podman's --env-file keep them, so the systemd env file as it is gives java
# '"-Xms512m' as the name of the main class.
grep -E '^JAVA_OPTS=' deploy/tenhal.env >"$WORK/quoted.env"
echo "   the same with deploy/tenhal.env's quotes: $(podman run --rm --no-healthcheck --env-file "$WORK/quoted.env" \
  "$IMAGE" 2>&1 | sed -n 1p)"

step "6. podman run --network host --env-file … (the node migrates as the owner and creates the first admin)"
without_systemd_noise podman run -d --name "$NAME" --network host --env-file "$WORK/tenhal.env" "$IMAGE" >"$WORK/cid"
echo "   container $(cut -c1-12 "$WORK/cid")"
t0=$SECONDS
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; do
  if [ "$(podman inspect "$NAME" --format '{{.State.Running}}')" != true ] || [ $((SECONDS - t0)) -gt 300 ]; then
    podman logs --tail 40 "$NAME"; fail "not ready"
  fi
  sleep 1
done
check "ready after $((SECONDS - t0)) s: $(curl -s "http://127.0.0.1:$PORT/actuator/health/readiness")"
podman ps --filter "name=$NAME" --format '   {{.Names}}  {{.Image}}  {{.Status}}'
podman exec "$NAME" sh -c 'echo "   inside: $(id -un) in $PWD, PID 1 is $(tr "\0" " " </proc/1/cmdline | cut -c1-60)…, LANG=$LANG"'
podman logs "$NAME" 2>&1 | grep -E "Successfully applied|Started TenhalApplication|First administrator|WARN|ERROR" \
  | cut -c1-170 | sed 's/^/   log: /'
$PG -d $DB -Atc "select 'tables owned by ' || tableowner || ': ' || count(*) from pg_tables where schemaname = 'public' group by tableowner"

step "7. the sign-in page, and the first admin signs in"
curl -s -c "$WORK/cookies" -o "$WORK/login.html" -w '   GET /login: %{http_code} %{content_type}\n' "http://127.0.0.1:$PORT/login"
echo "   title: $(grep -o '<title>[^<]*</title>' "$WORK/login.html" | head -1)"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//; s/"$//')
[ -n "$csrf" ] && check "the form carries a CSRF token"
curl -s -b "$WORK/cookies" -c "$WORK/cookies" -o /dev/null -w '   POST /login: %{http_code} -> %{redirect_url}\n' \
  --data-urlencode username=admin --data-urlencode password=first-admin-secret --data-urlencode "_csrf=$csrf" \
  "http://127.0.0.1:$PORT/login"
curl -s -b "$WORK/cookies" -o /dev/null -w '   GET /admin with that session: %{http_code}\n' "http://127.0.0.1:$PORT/admin"

step "8. the HEALTHCHECK"
# Docker runs it every 15 s by itself; podman schedules it with a systemd timer, and this machine has no systemd,
# so it is run here the way the timer would run it.
podman healthcheck run "$NAME" && check "podman healthcheck run: healthy (exit 0)"
rc=0; podman exec "$NAME" curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/liveness 2>/dev/null || rc=$?
echo "   the check as it was (port 8080 fixed, Tenhal on $PORT here): curl exit $rc, so 'unhealthy' after the start period"
echo "   status: $(podman inspect "$NAME" --format '{{.State.Health.Status}}'), failing streak" \
  "$(podman inspect "$NAME" --format '{{.State.Health.FailingStreak}}'), last check's exit code: $(podman inspect "$NAME" --format '{{(index .State.Health.Log 0).ExitCode}}')"
podman ps --filter "name=$NAME" --format '   {{.Names}}  {{.Status}}'

step "9. graceful stop: podman stop -t 60"
$PG -d $DB -Atc "select 'recurring jobs scheduled: ' || count(*) || ', picked right now: ' || count(*) filter (where picked) from scheduled_tasks"
t0=$SECONDS
without_systemd_noise podman stop -t 60 "$NAME" >/dev/null
echo "   stopped in $((SECONDS - t0)) s; exit code $(podman inspect "$NAME" --format '{{.State.ExitCode}}')" \
  "(0: the stop was asked for; 137 would mean it was killed after 60 s)"
podman logs "$NAME" 2>&1 | grep -E "Commencing graceful|Graceful shutdown|publications outstanding|Letting running|Scheduler stopped|ERROR" \
  | cut -c1-170 | sed 's/^/   log: /'
$PG -d $DB -Atc "select 'job executions still held after the stop: ' || count(*) from scheduled_tasks where picked"
podman logs "$NAME" >"$WORK/tenhal.log" 2>&1

step "done"
