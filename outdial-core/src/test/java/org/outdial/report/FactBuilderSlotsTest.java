package org.outdial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.outdial.callback.CbKey;
import org.outdial.callback.KeySlots;
import org.outdial.callback.KvText;

/** The transform reads raw events into {@link KeySlots}; the facts must be those the map of the same keys gives. */
class FactBuilderSlotsTest {

    private static final CbKey[] KEYS = CbKey.values();

    @Test
    void factsBuiltFromSlotsEqualFactsBuiltFromTheMapOfTheSameEvents() {
        long seed = 20261121;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        KeySlots slots = new KeySlots();
        for (int round = 0; round < 1_000; round++) {
            List<Map<String, String>> events = List.of(event(random), event(random), event(random))
                    .subList(0, 1 + random.nextInt(3));
            Map<String, String> merged = new LinkedHashMap<>();
            slots.clear();
            for (Map<String, String> e : events) {
                String text = random.nextBoolean() ? KvText.encodeCompact(e) : KvText.encode(e);
                KvText.decodeInto(text, merged);
                KvText.decodeInto(text, slots);
            }
            List<String> fromSlots = new java.util.ArrayList<>();
            List<String> fromMap = new java.util.ArrayList<>();
            for (CbKey k : KEYS) {
                fromSlots.add(slots.get(k));
                fromMap.add(merged.get(k.key()));
            }
            FactBuilder.Outcome fromSlotsFact = FactBuilder.build(slots, events.size(), 7);
            FactBuilder.Outcome fromMapFact = FactBuilder.build(merged, events.size(), 7);
            if (!fromSlots.equals(fromMap) || !fromSlotsFact.equals(fromMapFact)) { // AssertJ only to describe a failure
                assertThat(fromSlots).as("seed %d round %d", seed, round).isEqualTo(fromMap);
                assertThat(fromSlotsFact).as("seed %d round %d", seed, round).isEqualTo(fromMapFact);
            }
        }
    }

    @Test
    void anUnknownKeyCodeIsRefusedInSlotsAsInTheMap() {
        assertThatThrownBy(() -> KvText.decodeInto("~9999=x\n", new KeySlots()))
                .hasMessageContaining("unknown key code '~9999'");
        assertThatThrownBy(() -> KvText.decodeInto("novalue\n", new KeySlots())).hasMessageContaining("novalue");
    }

    /** An event with random well-known keys (numbers, text, blanks, malformed numbers, escapes) and custom keys. */
    private static Map<String, String> event(RandomGenerator random) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (CbKey k : KEYS) {
            if (random.nextInt(3) > 0) {
                kv.put(k.key(), value(random));
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            kv.put("custom_" + random.nextInt(5), value(random));
        }
        return kv;
    }

    private static String value(RandomGenerator random) {
        return switch (random.nextInt(7)) {
            case 6 -> List.of("007", "+5", "-", "-12", "99999999999999999999", "-9223372036854775808", "1 2")
                    .get(random.nextInt(7));
            case 0 -> Long.toString(random.nextLong(-5, 2_000_000_000L));
            case 1 -> " " + random.nextInt(100) + " ";
            case 2 -> "";
            case 3 -> "x" + random.nextInt(9);
            case 4 -> "busy\\n=\t" + random.nextInt(3);
            default -> List.of("web", "IVR ", "Mobile", "COMPLETED.CONNECTED").get(random.nextInt(4));
        };
    }
}
