package sa.tenhal.appointments;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomForm;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceId;

/**
 * Available-slot searches over HTTP with 1,000,000 appointments in the table: one provider over 30 days, and "any
 * provider" of a 20-provider clinic over 7 days. 200 providers work Sunday to Thursday 08:00–12:00 and 13:00–17:00;
 * about 60 % of their half-hour slots over two years (past and coming) are booked. Not a test: run it with
 * {@code mvn -Pbench -Dbench=sa.tenhal.appointments.SlotSearchBenchmark test-compile exec:java}
 * ({@code -Dappointments=1000000 -Dsamples=1000 -Dwarmup=1000}).
 */
public final class SlotSearchBenchmark {

    static final int APPOINTMENTS = Integer.getInteger("appointments", 1_000_000);
    static final int SAMPLES = Integer.getInteger("samples", 1000);
    // enough for the JIT and for every provider's schedule to be in the cache, as on a node that has been running
    static final int WARMUP = Integer.getInteger("warmup", 1000);
    static final int PROVIDERS = 200;
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final Set<DayOfWeek> WEEK =
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);

    public static void main(String[] args) throws Exception {
        try (BenchCentre centre = new BenchCentre()) {
            List<Schedules.TimeRange> hours = List.of(
                    new Schedules.TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new Schedules.TimeRange(LocalTime.of(13, 0), LocalTime.of(17, 0)));
            // a 20-provider clinic whose service needs one of its 10 therapy rooms, and a clinic of 180 more
            ClinicId small = centre.clinic("OT");
            CatalogAdministration admin = centre.app.getBean(CatalogAdministration.class);
            for (int r = 0; r < 10; r++) {
                admin.createRoom(new RoomForm(small.value(), "R" + r, "Room " + r, "غرفة", RoomKind.THERAPY));
            }
            ServiceId smallService = centre.service(small, 45, 15, RoomKind.THERAPY);
            List<ProviderId> twenty = centre.providers(small, 20, WEEK, hours);
            ClinicId big = centre.clinic("SLP");
            ServiceId bigService = centre.service(big, 45, 15, null);
            List<ProviderId> others = centre.providers(big, PROVIDERS - 20, WEEK, hours);
            List<ProviderId> all = new ArrayList<>(twenty);
            all.addAll(others);
            centre.patients(50_000);

            long t0 = System.nanoTime();
            fill(centre, all, twenty.size(), small, big);
            centre.jdbc.execute("vacuum analyze appointment");
            long count = centre.jdbc.queryForObject("select count(*) from appointment", Long.class);
            System.out.printf(
                    Locale.ROOT, "%,d appointments inserted in %.0f s%n", count, (System.nanoTime() - t0) / 1e9);

            Random random = new Random(7);
            LocalDate today = LocalDate.now(RIYADH);
            long[] single = measure(centre, () -> {
                ProviderId p = others.get(random.nextInt(others.size()));
                LocalDate from = today.plusDays(1 + random.nextInt(60));
                return "/api/v1/slots?serviceId=" + bigService + "&providerId=" + p + "&from=" + from + "&to="
                        + from.plusDays(29);
            });
            long[] clinic = measure(centre, () -> {
                LocalDate from = today.plusDays(1 + random.nextInt(60));
                return "/api/v1/slots?serviceId=" + smallService + "&from=" + from + "&to=" + from.plusDays(6);
            });
            System.out.printf(
                    Locale.ROOT,
                    "%nAvailable slots over HTTP, %,d appointments in the table, %d samples each after %d warm-up,"
                            + " one client%n%n| search | p50 ms | p95 ms | p99 ms | target |%n|---|---|---|---|---|%n"
                            + "| one provider, 30 days | %.1f | %.1f | %.1f | p95 < 10 ms |%n"
                            + "| any of 20 providers with a room, 7 days | %.1f | %.1f | %.1f | p95 < 50 ms |%n",
                    count,
                    SAMPLES,
                    WARMUP,
                    BenchCentre.percentile(single, 0.5),
                    BenchCentre.percentile(single, 0.95),
                    BenchCentre.percentile(single, 0.99),
                    BenchCentre.percentile(clinic, 0.5),
                    BenchCentre.percentile(clinic, 0.95),
                    BenchCentre.percentile(clinic, 0.99));
        }
    }

    interface Query {
        String next();
    }

    static long[] measure(BenchCentre centre, Query query) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            check(centre.get(query.next()));
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String path = query.next();
            long t0 = System.nanoTime();
            check(centre.get(path));
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /**
     * About 60 % of every provider's half-hour slots booked, from today minus a year onwards until {@code APPOINTMENTS}
     * rows exist; past ones COMPLETED. At one time every provider has a different patient, so the patient constraint
     * holds; the 20-provider clinic's appointments take its rooms, one per provider.
     */
    static void fill(BenchCentre centre, List<ProviderId> providers, int smallCount, ClinicId small, ClinicId big) {
        UUID service = centre.jdbc.queryForObject(
                "select id from clinical_service where clinic_id = ?", UUID.class, big.value());
        UUID smallService = centre.jdbc.queryForObject(
                "select id from clinical_service where clinic_id = ?", UUID.class, small.value());
        List<UUID> rooms = centre.jdbc.queryForList(
                "select id from room where clinic_id = ? order by code", UUID.class, small.value());
        centre.jdbc.execute(
                "create temporary table bench_provider (ord int, id uuid, clinic uuid, room uuid, svc uuid)");
        for (int i = 0; i < providers.size(); i++) {
            boolean inSmall = i < smallCount;
            centre.jdbc.update(
                    "insert into bench_provider values (?, ?, ?, ?, ?)",
                    i,
                    providers.get(i).value(),
                    inSmall ? small.value() : big.value(),
                    inSmall && i < rooms.size() ? rooms.get(i) : null,
                    inSmall ? smallService : service);
        }
        // two providers of the small clinic per room would clash, so only the first ten have rooms: the search still
        // has to find a free room among ten, five of them busy when their provider is
        centre.jdbc.update("""
                insert into appointment (id, patient_id, clinic_id, provider_id, service_id, room_id, starts_at, ends_at,
                    busy_until, status, booked_at, updated_at)
                select gen_random_uuid(), pt.id, p.clinic, p.id, p.svc, p.room, s.starts, s.starts + interval '30 minutes',
                    s.starts + interval '30 minutes',
                    case when s.starts < now() then 'COMPLETED' else 'BOOKED' end, now(), now()
                  from bench_provider p
                  cross join lateral (
                    select ((d + time '08:00' + (k * interval '30 minutes') + case when k >= 8 then interval '1 hour'
                             else interval '0' end) at time zone 'Asia/Riyadh') as starts,
                           (d - date '2000-01-01') * 16 + k as t
                      from (select current_date + i as d from generate_series(-365, 400) i) days,
                           generate_series(0, 15) k
                     where extract(isodow from d) in (7, 1, 2, 3, 4)
                       and ((p.ord * 7919 + (d - date '2000-01-01') * 31 + k * 17) % 10) < 6) s
                  join lateral (select id from patient
                                 where mrn = 'B' || lpad((1 + (s.t * 200 + p.ord) % 50000)::text, 9, '0')) pt on true
                 order by s.starts
                 limit ?
                """, APPOINTMENTS);
    }
}
