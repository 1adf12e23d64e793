package org.outdial.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.outdial.sim.Frontier;
import org.outdial.sim.Frontier.Point;

/**
 * Regenerates {@code docs/pacing.md} and its charts ({@code docs/pacing/*.svg}): progressive, the best fixed ratio
 * within the cap, the predictive pacer and its frontier on every scenario of the given files.
 *
 * <p>Arguments: {@code [threads] [seeds] [sweepSeeds] file...} (defaults 2, 5, 1, the public scenarios and
 * {@code bench/scenarios/pacing-extra.json}). Run through {@code bench/run pacing-report}.
 */
public final class PacingReport {

    private static final double CAP = 0.03;

    private record Row(String file, String scenario, Point progressive, Point predictive, Point hinted,
                       Point bestFixed, List<Point> predictiveSweep, List<Point> fixedSweep) {}

    /** The policy of the ReadyTime column: agents' desktops send a hint 5 s before the end of wrap-up. */
    private static final String HINTED = "predictive+ready=5";

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int sweepSeeds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<Path> files = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        if (files.isEmpty()) {
            files = List.of(Path.of("../shared/bench/scenarios.json"), Path.of("bench/scenarios/pacing-extra.json"));
        }
        List<Long> runSeeds = LongStream.rangeClosed(1, seeds).boxed().toList();
        List<Long> sweepRunSeeds = LongStream.rangeClosed(1, sweepSeeds).boxed().toList();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, List<Future<Point>>> pending = new LinkedHashMap<>();
        for (Path file : files) {
            for (String id : Frontier.ids(file)) {
                List<Future<Point>> futures = new ArrayList<>();
                futures.add(pool.submit(() -> Frontier.point(file, id, "progressive", runSeeds)));
                futures.add(pool.submit(() -> Frontier.point(file, id, "predictive", runSeeds)));
                futures.add(pool.submit(() -> Frontier.point(file, id, HINTED, runSeeds)));
                for (String p : Frontier.policies("predictive")) {
                    futures.add(pool.submit(() -> Frontier.point(file, id, p, sweepRunSeeds)));
                }
                for (String p : Frontier.policies("fixed-ratio")) {
                    futures.add(pool.submit(() -> Frontier.point(file, id, p, sweepRunSeeds)));
                }
                pending.put(file + "\u0000" + id, futures);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Future<Point>>> e : pending.entrySet()) {
            List<Point> points = new ArrayList<>();
            for (Future<Point> f : e.getValue()) {
                points.add(f.get());
            }
            String[] key = e.getKey().split("\u0000");
            int nPred = Frontier.PREDICTIVE_AIMS.size();
            List<Point> predSweep = points.subList(3, 3 + nPred);
            List<Point> fixedSweep = points.subList(3 + nPred, points.size());
            Point bestFixed = fixedSweep.stream().filter(p -> p.withinCap(CAP))
                    .max((a, b) -> Double.compare(a.busy(), b.busy())).orElse(fixedSweep.get(0));
            rows.add(new Row(Path.of(key[0]).getFileName().toString(), key[1], points.get(0), points.get(1),
                    points.get(2), bestFixed, predSweep, fixedSweep));
            System.err.println("done " + key[1]);
        }
        pool.shutdown();
        Path docs = Path.of("docs");
        Files.createDirectories(docs.resolve("pacing"));
        for (Row row : rows) {
            Files.writeString(docs.resolve("pacing").resolve(row.scenario() + ".svg"), chart(row));
        }
        Files.writeString(docs.resolve("pacing.md"), markdown(rows, seeds, sweepSeeds, files,
                (System.nanoTime() - start) / 1e9));
        System.err.printf(Locale.ROOT, "wrote docs/pacing.md and %d charts in %.0f s%n", rows.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** How the pacer works and how to reproduce its other targets; fixed text, kept next to the numbers. */
    private static final String METHOD = """
            ## How the predictive pacer decides

            `LookAheadPacer` decides per call: it places one more dial while the probability that the call, if
            answered, finds no free agent within the abandon timeout stays under the allowance the abandon guard
            hands it (`AbandonGuard`: the budget left under the aim, whole campaign and today, steers the threshold).
            Agents free for the call are the idle ones plus each busy agent with his own chance of being Ready in
            time, and agents who sent a ReadyTime hint from the hint. Every duration model is a Kaplan–Meier
            estimate in which calls in progress count as censored, so the start of a shift is not biased toward
            short calls. Talk and wrap-up are modelled apart, each for live calls and for answering machines that
            reached an agent (which the agent marks): an agent still talking is predicted by his talk so far
            convolved with a fresh wrap-up, an agent in wrap-up by his wrap-up so far, each the mixture of the
            live-call and machine models weighted by the chance his call is a machine — 1 once he marked it, else
            the machine share among calls answered after the same dial-to-answer delay (machines answer after more
            rings than people), updated by how long the phase has lasted. An agent in wrap-up who did not mark his
            call is taken to be on a live call as far as agents were seen to mark machines by the time they hang
            up. Predicting connect-to-Ready as one (`--policy predictive-whole`) gave up to a point less busy factor
            (S2, S4, S5) at the same abandon rates. Calls competing for them are the waiting ones, the dials in
            flight (each with its chance of being answered in time, from the learned answer times and the presented
            share, learned by complete cohort) and the other dials of the round. The presented share is the larger
            of a slow and a three times faster moving mean: a contact rate that rises during the day is followed at
            once (dialing for the morning's lower rate would abandon calls), one that falls slowly.

            **Small teams (1–5 agents, and up to 120 agents plus dials in flight).** The number of free agents less
            competing calls is a sum of a few independent Bernoulli variables with different probabilities; the
            pacer enumerates it exactly (convolution of the terms, O(n²)), not by a normal approximation, which is
            badly wrong for three agents. A small team's day also has few live answers, so one unlucky burst can
            break the day's cap: the guard's day aim is below the cap by the day's noise, sqrt(cap ÷ live answers a
            day), and risky dials stop while the day is within half an abandon of the cap. So S1 (3 agents, long
            talk) spends only about 1% of abandons: the cap on every single day, not the busy factor, binds there.

            **Other optimization targets.** The campaign group's optimization method and goal
            (`optimization`, `optimizationGoal`) choose what the pacer holds: *overdial rate* (goal in percent)
            lowers the abandon aim; *busy factor* (goal in percent) and *average wait time* (goal in seconds)
            scale the guard's allowance down (by 2% a second, toward near-progressive) while agents are busier,
            or wait less, than the goal, and back up to the guard's own allowance when below — the cap is never
            traded for the goal. Simulate them with `--policy predictive:busy=85` or `--policy predictive:wait=10`;
            append `+ready=<s>` to any policy to have the virtual agents send ReadyTime hints.

            """;

    private static String markdown(List<Row> rows, int seeds, int sweepSeeds, List<Path> files, double wallS) {
        StringBuilder md = new StringBuilder();
        md.append("# Pacing report\n\n")
                .append("Generated by `bench/run pacing-report` (`org.outdial.bench.PacingReport`); do not edit by hand.\n")
                .append("Every number comes from `outdial simulate`'s engine and simulator (the model of the\n")
                .append("`pacing-benchmark/1` scenario format) in virtual time, so anyone can reproduce it:\n\n")
                .append("- **progressive** and **predictive** (the default pacer): mean of seeds 1–").append(seeds)
                .append(".\n")
                .append("- **predictive + ReadyTime**: the same, with agents whose desktops send a ReadyTime hint 5 s ")
                .append("before their wrap-up ends (`--policy ").append(HINTED).append("`).\n")
                .append("- **fixed ratio**: the ratio of {").append(join(Frontier.FIXED_RATIOS))
                .append("} with the highest busy factor that kept the cap on every seed and day, mean of ")
                .append(seedsText(sweepSeeds)).append(" (tuned on the same seeds, so it flatters fixed ratio).\n")
                .append("- **frontier**: the predictive pacer told to keep the abandon rate at aims {")
                .append(join(Frontier.PREDICTIVE_AIMS)).append("}, ").append(seedsText(sweepSeeds))
                .append(" (`outdial simulate --sweep predictive`); fixed ratio likewise over its ratios.\n")
                .append("- Cells: busy factor % / abandon rate % (whole run) / worst day % (highest abandon rate of any ")
                .append("day of any seed) / agent idle seconds per delivered call. † marks a cell above the 3% cap.\n")
                .append("- Beyond these seeds: `bench/run pacing-tails` runs every scenario on seeds 11–40 and names ")
                .append("each seed whose whole run or worst day went over the cap.\n")
                .append("- Files: ").append(files.stream().map(p -> "`" + p + "`").toList()).append(String.format(
                        Locale.ROOT, "; this run took %.0f s of wall time.%n%n", wallS));
        String file = null;
        for (Row row : rows) {
            if (!row.file().equals(file)) {
                file = row.file();
                md.append("## ").append(file).append("\n\n")
                        .append("| scenario | progressive | fixed ratio | predictive | gain over progressive ")
                        .append("| predictive + ReadyTime |\n")
                        .append("|---|---|---|---|---|---|\n");
            }
            md.append("| ").append(row.scenario()).append(" | ").append(cell(row.progressive())).append(" | ")
                    .append(cell(row.bestFixed())).append(String.format(Locale.ROOT, " (r=%s)", row.bestFixed()
                            .setting())).append(" | ").append(cell(row.predictive())).append(" | ")
                    .append(String.format(Locale.ROOT, "%+.1f points", 100 * (row.predictive().busy()
                            - row.progressive().busy()))).append(" | ").append(cell(row.hinted())).append(" |\n");
            if (row == rows.get(rows.size() - 1) || !rows.get(rows.indexOf(row) + 1).file().equals(file)) {
                md.append('\n');
            }
        }
        md.append(METHOD);
        md.append("## Frontiers\n\n")
                .append("Busy factor against abandon rate: the predictive pacer at each aim (blue), fixed ratio at each ")
                .append("ratio (orange), progressive (grey square) and the default predictive pacer (black diamond); ")
                .append("the red line is the 3% cap. Points right of it broke the cap.\n\n");
        for (Row row : rows) {
            md.append("### ").append(row.scenario()).append("\n\n![").append(row.scenario()).append("](pacing/")
                    .append(row.scenario()).append(".svg)\n\n")
                    .append("| aim | busy % | abandon % | worst day % |\n|---|---|---|---|\n");
            for (Point p : row.predictiveSweep()) {
                md.append(String.format(Locale.ROOT, "| %.3f | %.1f | %.2f | %.2f%s |%n", p.setting(),
                        100 * p.busy(), 100 * p.abandon(), 100 * p.worstDay(), p.withinCap(CAP) ? "" : " †"));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(Point p) {
        return String.format(Locale.ROOT, "%.1f / %.2f / %.2f / %.0f%s", 100 * p.busy(), 100 * p.abandon(),
                100 * p.worstDay(), p.idlePerCallS(), p.withinCap(CAP) ? "" : " †");
    }

    private static String seedsText(int n) {
        return n == 1 ? "seed 1" : "seeds 1–" + n;
    }

    private static String join(List<Double> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    /** A scatter of busy % (y) against abandon % (x), with the cap as a vertical line. */
    static String chart(Row row) {
        List<Point> all = new ArrayList<>(row.predictiveSweep());
        all.addAll(row.fixedSweep());
        all.add(row.progressive());
        all.add(row.predictive());
        double xMax = Math.max(4, Math.ceil(all.stream().mapToDouble(p -> 100 * p.abandon()).max().orElse(4)));
        xMax = Math.min(xMax, 12);
        double yMin = Math.floor(all.stream().mapToDouble(p -> 100 * p.busy()).min().orElse(0) / 5) * 5;
        double yMax = Math.min(100, Math.ceil(all.stream().mapToDouble(p -> 100 * p.busy()).max().orElse(100) / 5) * 5);
        if (yMax <= yMin) {
            yMax = yMin + 5;
        }
        Svg svg = new Svg(480, 320, 56, 20, 20, 44, 0, xMax, yMin, yMax);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"480\" height=\"320\" font-family=\"sans-serif\" ")
                .append("font-size=\"11\">\n<rect width=\"480\" height=\"320\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"240\" y=\"14\" text-anchor=\"middle\" font-size=\"12\">%s</text>%n",
                row.scenario()));
        for (double x = 0; x <= xMax + 1e-9; x += xMax > 6 ? 2 : 1) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>%n", svg.x(x), svg.y(yMin),
                    svg.x(x), svg.y(yMax), svg.x(x), svg.y(yMin) + 14, x));
        }
        for (double y = yMin; y <= yMax + 1e-9; y += 5) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", svg.x(0), svg.y(y), svg.x(xMax),
                    svg.y(y), svg.x(0) - 4, svg.y(y) + 4, y));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"312\" text-anchor=\"middle\">abandon rate %%</text>%n"
                + "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">busy factor %%"
                + "</text>%n", svg.x(xMax / 2), svg.y((yMin + yMax) / 2), svg.y((yMin + yMax) / 2)));
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d62728\" "
                + "stroke-dasharray=\"4 3\"/>%n", svg.x(3), svg.y(yMin), svg.x(3), svg.y(yMax)));
        s.append(polyline(svg, row.predictiveSweep(), "#1f77b4", xMax));
        s.append(polyline(svg, row.fixedSweep(), "#ff7f0e", xMax));
        Point prog = row.progressive();
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#777\"/>%n",
                svg.x(Math.min(xMax, 100 * prog.abandon())) - 4, svg.y(100 * prog.busy()) - 4));
        Point pred = row.predictive();
        double px = svg.x(Math.min(xMax, 100 * pred.abandon()));
        double py = svg.y(100 * pred.busy());
        s.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"black\"/>%n",
                px, py - 6, px + 6, py, px, py + 6, px - 6, py));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String polyline(Svg svg, List<Point> points, String color, double xMax) {
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (Point p : points) {
            if (100 * p.abandon() > xMax) {
                continue;
            }
            double x = svg.x(100 * p.abandon());
            double y = svg.y(100 * p.busy());
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y,
                    color));
        }
        return String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n", line.toString()
                .strip(), color) + dots;
    }

    /** Plot-area mapping from data to pixels. */
    private record Svg(int width, int height, int left, int top, int right, int bottom, double x0, double x1,
                       double y0, double y1) {
        double x(double v) {
            return left + (v - x0) / (x1 - x0) * (width - left - right);
        }

        double y(double v) {
            return height - bottom - (v - y0) / (y1 - y0) * (height - top - bottom);
        }
    }

    private PacingReport() {}
}
