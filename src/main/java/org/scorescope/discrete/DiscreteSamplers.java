package org.scorescope.discrete;

import java.util.ArrayList;
import java.util.List;

/** The discrete samplers by id. */
public final class DiscreteSamplers {
    private static final List<DiscreteSampler> ALL = List.of(new TauLeapingSampler(), new DiscreteEulerSampler(), new ExactCtmcSampler(),
            new UnmaskingSampler());

    private DiscreteSamplers() {
    }

    /** Every sampler, in display order. */
    public static List<DiscreteSampler> all() {
        return ALL;
    }

    /** Every id. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (DiscreteSampler s : ALL) {
            ids.add(s.id());
        }
        return ids;
    }

    /** The sampler with this id; the message lists the ids. */
    public static DiscreteSampler of(String id) {
        for (DiscreteSampler s : ALL) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown discrete sampler '" + id + "'; allowed: " + String.join(", ", ids()));
    }
}
