package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outdial.list.CallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordType;
import org.outdial.store.RecordWriter;

/** Calling windows in SQL agree with {@link CallingWindow}, across DST changes and odd offsets. */
class ClaimWindowTest extends StoreTestBase {

    private static final int HOUR = 3600;

    private record Case(String phone, ZoneId zone, CallingWindow window) {}

    private static final List<Case> DST_CASES = List.of(
            new Case("ny-8-21", NEW_YORK, new CallingWindow(8 * HOUR, 21 * HOUR)),
            new Case("ny-1-3", NEW_YORK, new CallingWindow(HOUR, 3 * HOUR)),
            new Case("ny-1-2", NEW_YORK, new CallingWindow(HOUR, 2 * HOUR)),
            new Case("berlin-8-21", BERLIN, new CallingWindow(8 * HOUR, 21 * HOUR)),
            new Case("berlin-2-3", BERLIN, new CallingWindow(2 * HOUR, 3 * HOUR)));

    @Test
    void windowsFollowTheSpringForwardAndFallBackOfNewYorkAndBerlin() {
        CallingList list = createList("dst");
        write(list.id(), DST_CASES.stream()
                .map(c -> record(c.phone(), RecordType.GENERAL, null, c.window(), c.zone(), null))
                .toArray(NewRecord[]::new));
        // New York springs forward at 2025-03-09T07:00Z (02:00 EST -> 03:00 EDT)
        assertClaimedAt("2025-03-08T12:30:00Z", "berlin-8-21");              // NY 07:30 EST
        assertClaimedAt("2025-03-09T06:59:59Z", "ny-1-3", "ny-1-2");         // NY 01:59:59 EST
        assertClaimedAt("2025-03-09T07:00:00Z", "berlin-8-21");              // NY 03:00 EDT: 1-3 is over
        assertClaimedAt("2025-03-09T11:59:59Z", "berlin-8-21");              // NY 07:59:59 EDT
        assertClaimedAt("2025-03-09T12:00:00Z", "ny-8-21", "berlin-8-21");   // NY 08:00 EDT (07:00 by the old offset)
        assertClaimedAt("2025-03-10T00:59:59Z", "ny-8-21");                  // NY 20:59:59 EDT
        assertClaimedAt("2025-03-10T01:00:00Z", "berlin-2-3");               // NY 21:00 EDT, Berlin 02:00 CET
        // New York falls back at 2025-11-02T06:00Z (02:00 EDT -> 01:00 EST): 01:00-02:00 happens twice
        assertClaimedAt("2025-11-02T05:59:59Z", "ny-1-3", "ny-1-2");         // NY 01:59:59 EDT
        assertClaimedAt("2025-11-02T06:00:00Z", "ny-1-3", "ny-1-2");         // NY 01:00:00 EST, again
        assertClaimedAt("2025-11-02T06:59:59Z", "ny-1-3", "ny-1-2");         // NY 01:59:59 EST
        assertClaimedAt("2025-11-02T07:00:00Z", "ny-1-3", "berlin-8-21");    // NY 02:00 EST
        assertClaimedAt("2025-11-02T12:59:59Z", "berlin-8-21");              // NY 07:59:59 EST (08:59 by the old offset)
        assertClaimedAt("2025-11-02T13:00:00Z", "ny-8-21", "berlin-8-21");   // NY 08:00 EST
        // Berlin springs forward at 2025-03-30T01:00Z (02:00 CET -> 03:00 CEST): 02:00-03:00 never happens
        assertClaimedAt("2025-03-30T00:59:59Z", "ny-8-21");                  // Berlin 01:59:59 CET
        assertClaimedAt("2025-03-30T01:00:00Z");                             // Berlin 03:00 CEST, NY 21:00 EDT
        assertClaimedAt("2025-03-30T05:59:59Z", "ny-1-3", "ny-1-2");         // Berlin 07:59:59 CEST
        assertClaimedAt("2025-03-30T06:00:00Z", "ny-1-3", "berlin-8-21");    // Berlin 08:00 CEST (07:00 by the old offset)
        // Berlin falls back at 2025-10-26T01:00Z (03:00 CEST -> 02:00 CET): 02:00-03:00 happens twice
        assertClaimedAt("2025-10-26T00:30:00Z", "ny-8-21", "berlin-2-3");    // Berlin 02:30 CEST
        assertClaimedAt("2025-10-26T01:30:00Z", "berlin-2-3");               // Berlin 02:30 CET, again
        assertClaimedAt("2025-10-26T06:59:59Z", "ny-1-3");                   // Berlin 07:59:59 CET (08:59 by the old offset)
        assertClaimedAt("2025-10-26T07:00:00Z", "berlin-8-21");              // Berlin 08:00 CET
    }

    @Test
    void sqlWindowsAgreeWithTheJavaRuleForRandomRecordsZonesAndInstants() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<ZoneId> zones = List.of(NEW_YORK, BERLIN, ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Australia/Adelaide"), ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Chatham"),
                ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/Adak"), ZoneId.of("Asia/Kathmandu"));
        CallingList list = createList("random");
        List<NewRecord> records = new ArrayList<>();
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (int i = 0; i < 600; i++) {
                NewRecord r = record("r" + i, RecordType.GENERAL, null, randomWindow(random),
                        zones.get(random.nextInt(zones.size())), null);
                records.add(r);
                w.append(r);
            }
            w.commit();
        }
        long start = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
        for (int round = 0; round < 12; round++) {
            Instant now = Instant.ofEpochSecond(start + (long) (random.nextDouble() * 366 * 86_400));
            Set<String> expected = new HashSet<>();
            for (NewRecord r : records) {
                if (r.window().allows(now, r.timeZone())) {
                    expected.add(r.contactInfo());
                }
            }
            List<CallingRecord> claimed = store.lists().claimReady(list.id(), 1, 1, 1_000, now);
            assertThat(claimed.stream().map(CallingRecord::contactInfo).toList())
                    .as("seed %d, now %s", seed, now).containsExactlyInAnyOrderElementsOf(expected);
            store.lists().releaseAll(1);
        }
    }

    private static CallingWindow randomWindow(Random random) {
        int[] edges = {0, 1, 3599, 3600, 43_200, 86_399, 86_400};
        int from = random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt(86_401);
        int till = switch (random.nextInt(6)) {
            case 0 -> from;
            case 1 -> edges[random.nextInt(edges.length)];
            default -> random.nextInt(86_401);
        };
        return new CallingWindow(from, till);
    }

    private void assertClaimedAt(String instant, String... expected) {
        Instant now = Instant.parse(instant);
        List<String> javaSays = DST_CASES.stream().filter(c -> c.window().allows(now, c.zone())).map(Case::phone).toList();
        assertThat(javaSays).as("the Java rule at %s", instant).containsExactlyInAnyOrder(expected);
        List<String> claimed = ClaimTest.phones(store.lists().claimReady(listId(), 1, 1, 100, now));
        assertThat(claimed).as("claimed at %s", instant).containsExactlyInAnyOrder(expected);
        store.lists().releaseAll(1);
    }

    private long listId() {
        return store.lists().findByName(tenant.id(), "dst").orElseThrow().id();
    }
}
