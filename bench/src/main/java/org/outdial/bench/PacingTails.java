package org.outdial.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.outdial.sim.Frontier;
import org.outdial.sim.Frontier.Point;

/**
 * The abandon cap beyond the public seeds: runs a policy on every scenario of the given files, one point per seed,
 * and prints per scenario the mean busy factor, the mean and highest worst day, and every seed whose whole run or
 * worst day went over 3 %. Exits 1 when any did.
 *
 * <p>Why: small teams' worst days react to any change in when the pacer decides, so a change to the pacer or the
 * abandon guard that looks safe on seeds 1–5 can end a day over the cap on another seed (docs/engine.md, lesson 12).
 * Judge such a change here, on 30 seeds per scenario.
 *
 * <p>Arguments: {@code [threads] [firstSeed] [lastSeed] [policy] file...} (defaults 2, 11, 40, predictive, the
 * public scenarios and {@code bench/scenarios/pacing-extra.json}).
 */
public final class PacingTails {

    private static final double CAP = 0.03;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 11;
        long last = args.length > 2 ? Long.parseLong(args[2]) : 40;
        String policy = args.length > 3 ? args[3] : "predictive";
        List<Path> files = args.length > 4
                ? java.util.Arrays.stream(args, 4, args.length).map(Path::of).toList()
                : List.of(Path.of("../shared/bench/scenarios.json"), Path.of("bench/scenarios/pacing-extra.json"));
        if (threads < 1 || first > last) {
            System.err.println("usage: bench/run pacing-tails [threads] [firstSeed] [lastSeed] [policy] [files…]"
                    + " (threads >= 1, firstSeed <= lastSeed)");
            System.exit(2);
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<List<Future<Point>>> perScenario = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Path file : files) {
            for (String id : Frontier.ids(file)) {
                List<Future<Point>> seeds = new ArrayList<>();
                for (long seed = first; seed <= last; seed++) {
                    long s = seed;
                    seeds.add(pool.submit(() -> Frontier.point(file, id, policy, List.of(s))));
                }
                perScenario.add(seeds);
                ids.add(id);
            }
        }
        System.out.printf(Locale.ROOT, "%s, seeds %d-%d: busy %% (mean) / worst day %% (mean, highest, its seed)"
                + " / seeds over the cap%n", policy, first, last);
        boolean breached = false;
        for (int i = 0; i < ids.size(); i++) {
            double busy = 0;
            double worstSum = 0;
            double worst = -1;
            long worstSeed = first;
            List<String> over = new ArrayList<>();
            List<Future<Point>> seeds = perScenario.get(i);
            for (int k = 0; k < seeds.size(); k++) {
                Point p = seeds.get(k).get();
                long seed = first + k;
                busy += p.busy();
                worstSum += p.worstDay();
                if (p.worstDay() > worst) {
                    worst = p.worstDay();
                    worstSeed = seed;
                }
                if (!p.withinCap(CAP)) {
                    over.add(String.format(Locale.ROOT, "%d (%.2f %%)", seed, 100 * p.worstDay()));
                }
            }
            int n = seeds.size();
            breached |= !over.isEmpty();
            System.out.printf(Locale.ROOT, "  %-26s %6.2f / %5.2f  %5.2f  (seed %d) / %s%n", ids.get(i), 100 * busy / n,
                    100 * worstSum / n, 100 * worst, worstSeed, over.isEmpty() ? "none" : String.join(", ", over));
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%d scenarios x %d seeds in %.0f s%n", ids.size(), last - first + 1,
                (System.nanoTime() - started) / 1e9);
        System.exit(breached ? 1 : 0);
    }
}
