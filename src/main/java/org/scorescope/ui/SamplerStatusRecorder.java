package org.scorescope.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.engine.RunListener;
import org.scorescope.engine.StepView;
import org.scorescope.ui.model.SamplerStatus;

/**
 * Records, after every step, each sampler's NFE, diverged count and own compute time as an immutable
 * list the FX thread picks up on its next pulse (no {@code runLater} per step).
 */
final class SamplerStatusRecorder implements RunListener {
    private final List<String> canonicalIds;
    private final AtomicReference<List<SamplerStatus>> latest = new AtomicReference<>(List.of());

    SamplerStatusRecorder(List<String> canonicalIds) {
        this.canonicalIds = List.copyOf(canonicalIds);
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
            Map<String, String> flags = new LinkedHashMap<>();
            int diverged = v.diverged(k);
            if (diverged > 0) {
                flags.put("diverged", String.format("%,d particles", diverged));
            }
            out.add(new SamplerStatus(k, canonicalIds.get(k), v.spec().slots().get(k).label(), v.nfe(k), diverged, v.seconds(k), flags));
        }
        latest.set(List.copyOf(out));
    }
}
