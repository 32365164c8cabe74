package org.scorescope.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.engine.RunListener;
import org.scorescope.engine.StepView;
import org.scorescope.metrics.Sweep;
import org.scorescope.metrics.TheoryOrder;
import org.scorescope.ui.model.SamplerStatus;

/**
 * Records, after every step, each sampler's NFE, diverged count and own compute time as an immutable
 * list the FX thread picks up on its next pulse (no {@code runLater} per step); its flags carry the
 * theory's order for each metric the summary shows (TV; exact W2 and KL on single-Gaussian targets).
 */
final class SamplerStatusRecorder implements RunListener {
    /** Flag names of the theory's orders, one per metric the summary shows. */
    static final String THEORY_TV = "theory order TV";
    static final String THEORY_W2 = "theory order W2";
    static final String THEORY_KL = "theory order KL";
    private final List<String> canonicalIds;
    private final List<Map<String, String>> theory = new ArrayList<>();
    private final AtomicReference<List<SamplerStatus>> latest = new AtomicReference<>(List.of());

    /**
     * @param canonicalIds the samplers' canonical ids, by slot
     * @param exactMetrics whether the run measures exact W2 and KL too (single-Gaussian targets)
     */
    SamplerStatusRecorder(List<String> canonicalIds, boolean exactMetrics) {
        this.canonicalIds = List.copyOf(canonicalIds);
        for (String id : canonicalIds) {
            theory.add(theoryOrders(id, exactMetrics));
        }
    }

    /**
     * The order the theory gives a sampler for each metric the summary shows, with its kind and
     * source ({@link TheoryOrder#describe}); empty for an id the registry does not know.
     */
    static Map<String, String> theoryOrders(String canonicalId, boolean exactMetrics) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            out.put(THEORY_TV, TheoryOrder.of(canonicalId, Sweep.Metric.TV).describe());
            if (exactMetrics) {
                out.put(THEORY_W2, TheoryOrder.of(canonicalId, Sweep.Metric.EXACT_W2).describe());
                out.put(THEORY_KL, TheoryOrder.of(canonicalId, Sweep.Metric.EXACT_KL).describe());
            }
        } catch (IllegalArgumentException e) {
            out.clear();
        }
        return out;
    }

    /**
     * The statuses with what the live metrics add: where a sampler left the target's scale, and the
     * parallel rounds of a Picard sampler so far.
     */
    static List<SamplerStatus> withMetrics(List<SamplerStatus> statuses, org.scorescope.metrics.RunMetrics.Snapshot s) {
        if (s == null) {
            return statuses;
        }
        List<SamplerStatus> out = new ArrayList<>();
        for (SamplerStatus st : statuses) {
            Map<String, String> flags = new LinkedHashMap<>(st.flags());
            int k = st.slot();
            if (s.divergence() != null && k < s.divergence().length && s.divergence()[k] != null) {
                flags.put("diverged", s.divergence()[k].message());
            }
            if (s.roundsPerBlock() != null && k < s.roundsPerBlock().length && s.roundsPerBlock()[k] > 0) {
                flags.put("parallel rounds", Long.toString(s.roundsSoFar(k, Math.max(0, s.lowest()))));
            }
            out.add(new SamplerStatus(k, st.canonicalId(), st.label(), st.nfe(), st.diverged(), st.seconds(), flags));
        }
        return List.copyOf(out);
    }

    /** The newest statuses (empty before the first step). */
    List<SamplerStatus> latest() {
        return latest.get();
    }

    @Override
    public void onStep(StepView v) {
        List<SamplerStatus> out = new ArrayList<>();
        for (int k = 0; k < v.samplers(); k++) {
            Map<String, String> flags = new LinkedHashMap<>(k < theory.size() ? theory.get(k) : Map.of());
            int diverged = v.diverged(k);
            if (diverged > 0) {
                flags.put("diverged", String.format("%,d particles", diverged));
            }
            out.add(new SamplerStatus(k, canonicalIds.get(k), v.spec().slots().get(k).label(), v.nfe(k), diverged, v.seconds(k), flags));
        }
        latest.set(List.copyOf(out));
    }
}
