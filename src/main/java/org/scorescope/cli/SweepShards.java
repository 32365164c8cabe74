package org.scorescope.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scorescope.metrics.Divergence;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.Sampler;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;

/**
 * Sharding a sweep ({@code sweep --shard i/n}) and the shard file format that {@code merge} reads.
 *
 * <p><b>Cells.</b> A sweep is a list of independent cells in its unsharded order: sampler by
 * sampler, T by T, seed by seed (one cell per sampler and T for the exact metrics). Cell k gives
 * row k of the unsharded CSV, and a cell run alone gives the same row bit for bit (its seed is
 * the sweep's first seed + its seed offset, as in the unsharded run).
 *
 * <p><b>Partition.</b> Longest processing time first (LPT): the cells, by decreasing estimated cost
 * (ties by index), each go to the shard with the least cost so far (ties to the lowest shard).
 * The cost model is the score evaluations a cell makes: N × NFE per step × T for tv (NFE per step
 * 2 when the sampler is adaptive), NFE per step × T for the exact metrics (one law per level).
 * The partition depends only on the sweep, so every shard computes the same one on its own.
 *
 * <p><b>Shard file.</b> The CSV of {@code sweep}, with leading comment lines:
 * <pre>
 * # scorescope sweep shard 2/4; fingerprint 3fa9c1e2b4d5a6f7; cells 0,5,9 of 72
 * # output level: output level ᾱ_0 = … ; grid: …
 * # divergence in cell 5: {"sampler":…,"step":…,"abar":…,"beta":…,"reason":…,"remedy":…}
 * sampler,steps,nfe,…
 * </pre>
 * The fingerprint is the first 16 hex digits of SHA-256 over the canonical scenario (title and
 * description left out) and the axes (T list, seeds, metric). The output level and divergence lines
 * let {@code merge} print the same summary as the unsharded {@code sweep}.
 */
final class SweepShards {
    /** The first line's pattern. */
    static final Pattern SHARD_LINE = Pattern.compile(
            "^# scorescope sweep shard (\\d{1,6})/(\\d{1,6}); fingerprint ([0-9a-f]{16}); cells ([0-9,]*) of (\\d{1,9})$");
    static final String OUTPUT_LEVEL = "# output level: ";
    static final String DIVERGENCE = "# divergence in cell ";
    /** Largest number of shards. */
    static final int MAX_SHARDS = 100_000;

    /** One cell: sampler index, T and seed offset (0 for exact metrics). */
    record Cell(int index, int sampler, int steps, int seedOffset) {
    }

    /** Shard i of n (1 ≤ i ≤ n). */
    record Shard(int index, int count) {
        /** Parses {@code i/n}. */
        static Shard parse(String text, String label) {
            Matcher m = Pattern.compile("^\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*$").matcher(text);
            if (!m.matches()) {
                throw new ScenarioException(label, "write i/n (shard i of n, 1 ≤ i ≤ n), e.g. 2/4, was '" + text + "'");
            }
            int i = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n < 1 || n > MAX_SHARDS) {
                throw new ScenarioException(label, "n must be in 1.." + MAX_SHARDS + ", was " + text);
            }
            if (i < 1 || i > n) {
                throw new ScenarioException(label, "i must be in 1..n (shards are numbered from 1), was " + text);
            }
            return new Shard(i, n);
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    private SweepShards() {
    }

    /** The plan's cells in the unsharded order. */
    static List<Cell> cells(Sweep.Plan plan) {
        List<Cell> cells = new ArrayList<>();
        int seeds = plan.metric().exact() ? 1 : plan.seeds();
        for (int s = 0; s < plan.samplers().size(); s++) {
            for (int t : plan.steps()) {
                for (int k = 0; k < seeds; k++) {
                    cells.add(new Cell(cells.size(), s, t, k));
                }
            }
        }
        return cells;
    }

    /** The estimated cost of a cell: the score evaluations it makes (see the class comment). */
    static double cost(Sweep.Plan plan, Cell c) {
        Sampler sampler = plan.samplers().get(c.sampler());
        double perStep = sampler.info().nfePerStep();
        double evaluations = (Double.isFinite(perStep) && perStep > 0 ? perStep : 2) * c.steps();
        return plan.metric().exact() ? evaluations : evaluations * plan.particles();
    }

    /**
     * The LPT partition of the cells into {@code n} shards; element i − 1 holds shard i's cell
     * indices in increasing order.
     */
    static List<int[]> partition(double[] costs, int n) {
        Integer[] order = new Integer[costs.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -costs[k]).thenComparingInt(k -> k));
        double[] load = new double[n];
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>());
        }
        for (int k : order) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (load[i] < load[best]) {
                    best = i;
                }
            }
            load[best] += costs[k];
            members.get(best).add(k);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> m : members) {
            out.add(m.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return out;
    }

    /** The cells of shard {@code shard} of the plan. */
    static List<Cell> cellsOf(Sweep.Plan plan, Shard shard) {
        List<Cell> all = cells(plan);
        double[] costs = all.stream().mapToDouble(c -> cost(plan, c)).toArray();
        List<Cell> mine = new ArrayList<>();
        for (int k : partition(costs, shard.count()).get(shard.index() - 1)) {
            mine.add(all.get(k));
        }
        return mine;
    }

    /** The sweep's fingerprint: 16 hex digits of SHA-256 over the canonical scenario and the axes. */
    static String fingerprint(Scenario s, List<Integer> steps, int seeds, Sweep.Metric metric) {
        Scenario canonical = new Scenario("", "", s.target(), s.schedule(), s.samplers(), s.steps(), s.particles(), s.seed(), s.guidance(),
                s.observation());
        String text = ScenarioJson.write(canonical) + "\naxes: steps=" + steps + " seeds=" + (metric.exact() ? 1 : seeds)
                + " metric=" + metric.id() + "\n";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A divergence as one JSON object (every field, so that {@link #divergence} gives an equal record). */
    static String json(Divergence d) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("sampler", d.sampler());
        o.put("step", d.step());
        o.put("abar", d.abar());
        o.put("beta", d.beta());
        o.put("reason", d.reason());
        o.put("remedy", d.remedy());
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The divergence {@link #json} wrote; IllegalArgumentException when the text is not one. */
    static Divergence divergence(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode o = JSON.readTree(json);
            for (String f : List.of("sampler", "step", "abar", "beta", "reason", "remedy")) {
                if (o == null || !o.hasNonNull(f)) {
                    throw new IllegalArgumentException("no field '" + f + "'");
                }
            }
            return new Divergence(o.get("sampler").asText(), o.get("step").asInt(), o.get("abar").asDouble(), o.get("beta").asDouble(),
                    o.get("reason").asText(), o.get("remedy").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The first line of a shard file. */
    static String shardLine(Shard shard, String fingerprint, List<Cell> cells, int total) {
        StringBuilder b = new StringBuilder("# scorescope sweep shard ").append(shard).append("; fingerprint ").append(fingerprint)
                .append("; cells ");
        for (int k = 0; k < cells.size(); k++) {
            b.append(k == 0 ? "" : ",").append(cells.get(k).index());
        }
        return b.append(" of ").append(total).toString();
    }
}
