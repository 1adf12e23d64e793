package org.outdial.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A duration distribution of the scenario format, in seconds: const, uniform, exponential, lognormal and gamma (the
 * last two by mean and coefficient of variation), each optionally clipped to [min, max]. A bare number is const.
 */
sealed interface Dist {

    double draw(RandomGenerator rng);

    /** The mean before clipping (for priors and reports). */
    double mean();

    record Const(double value) implements Dist {
        @Override
        public double draw(RandomGenerator rng) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }
    }

    record Uniform(double low, double high) implements Dist {
        @Override
        public double draw(RandomGenerator rng) {
            return low + (high - low) * rng.nextDouble();
        }

        @Override
        public double mean() {
            return (low + high) / 2;
        }
    }

    record Exponential(double mean) implements Dist {
        @Override
        public double draw(RandomGenerator rng) {
            return -mean * Math.log(1 - rng.nextDouble());
        }
    }

    /** Lognormal with the given mean and cv: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2. */
    record Lognormal(double mean, double cv) implements Dist {
        @Override
        public double draw(RandomGenerator rng) {
            double s2 = Math.log(1 + cv * cv);
            return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * rng.nextGaussian());
        }
    }

    /** Gamma with shape k = 1/cv², scale θ = mean·cv² (Marsaglia–Tsang; boost for k < 1). */
    record Gamma(double mean, double cv) implements Dist {
        @Override
        public double draw(RandomGenerator rng) {
            double k = 1 / (cv * cv);
            double theta = mean * cv * cv;
            if (k < 1) {
                return drawShape(k + 1, rng) * Math.pow(rng.nextDouble(), 1 / k) * theta;
            }
            return drawShape(k, rng) * theta;
        }

        private static double drawShape(double k, RandomGenerator rng) {
            double d = k - 1.0 / 3;
            double c = 1 / Math.sqrt(9 * d);
            while (true) {
                double x = rng.nextGaussian();
                double v = 1 + c * x;
                if (v <= 0) {
                    continue;
                }
                v = v * v * v;
                double u = rng.nextDouble();
                if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                    return d * v;
                }
            }
        }
    }

    record Clipped(Dist inner, double min, double max) implements Dist {
        @Override
        public double draw(RandomGenerator rng) {
            return Math.max(min, Math.min(max, inner.draw(rng)));
        }

        @Override
        public double mean() {
            return inner.mean();
        }
    }

    /** Parses a distribution; {@code where} names the key in error messages. */
    static Dist parse(JsonNode node, String where) {
        if (node.isNumber()) {
            return new Const(node.asDouble());
        }
        if (!node.isObject() || !node.has("dist")) {
            throw new ScenarioException(where + ": expected a number or an object with \"dist\", got " + node);
        }
        String kind = node.get("dist").asText();
        Set<String> allowed = switch (kind) {
            case "const" -> Set.of("dist", "value", "min", "max");
            case "uniform" -> Set.of("dist", "low", "high", "min", "max");
            case "exponential" -> Set.of("dist", "mean", "min", "max");
            case "lognormal", "gamma" -> Set.of("dist", "mean", "cv", "min", "max");
            default -> throw new ScenarioException(where + ": unknown dist \"" + kind
                    + "\"; use const, uniform, exponential, lognormal or gamma");
        };
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ScenarioException(where + ": unknown key \"" + key + "\" for dist " + kind);
            }
        }
        Dist base = switch (kind) {
            case "const" -> new Const(number(node, "value", where));
            case "uniform" -> new Uniform(number(node, "low", where), number(node, "high", where));
            case "exponential" -> new Exponential(positive(node, "mean", where));
            case "lognormal" -> new Lognormal(positive(node, "mean", where), positive(node, "cv", where));
            default -> new Gamma(positive(node, "mean", where), positive(node, "cv", where));
        };
        if (node.has("min") || node.has("max")) {
            double min = node.has("min") ? number(node, "min", where) : Double.NEGATIVE_INFINITY;
            double max = node.has("max") ? number(node, "max", where) : Double.POSITIVE_INFINITY;
            if (min > max) {
                throw new ScenarioException(where + ": min " + min + " is above max " + max);
            }
            return new Clipped(base, min, max);
        }
        return base;
    }

    private static double number(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new ScenarioException(where + ": \"" + key + "\" must be a number");
        }
        return v.asDouble();
    }

    private static double positive(JsonNode node, String key, String where) {
        double v = number(node, key, where);
        if (!(v > 0)) {
            throw new ScenarioException(where + ": \"" + key + "\" must be > 0, got " + v);
        }
        return v;
    }
}
