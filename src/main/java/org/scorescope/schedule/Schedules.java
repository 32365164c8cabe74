package org.scorescope.schedule;

import java.util.List;
import java.util.Map;

/** Builds schedules from their ids and parameters (scenario files, CLI). */
public final class Schedules {
    /** Every schedule id. */
    public static final List<String> IDS = List.of("theory", "linear", "cosine", "logsnr", "edm", "vp-continuous", "custom");

    /** The parameters each schedule takes (scenario files: {@code {"id": "theory", "denoise": 1}}). */
    public static final Map<String, List<String>> PARAMETERS = Map.of(
            "theory", List.of("c0", "c1", "denoise"),
            "linear", List.of("betaMax"),
            "cosine", List.of("betaMax"),
            "logsnr", List.of("abarMax", "abarMin"),
            "edm", List.of("sigmaMin", "sigmaMax", "rho"),
            "vp-continuous", List.of("beta0", "beta1", "tEnd"),
            "custom", List.of());

    private Schedules() {
    }

    /**
     * @param id one of {@link #IDS}
     * @param params numeric parameters by name (missing ones take their defaults)
     * @param spacing for vp-continuous: "time" or "logsnr" (default logsnr); ignored otherwise
     * @param custom the levels for {@code custom}; ignored otherwise
     */
    public static Schedule create(String id, Map<String, Double> params, String spacing, double[] custom) {
        List<String> allowed = PARAMETERS.get(id);
        if (allowed != null) {
            for (String name : params.keySet()) {
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException("schedule '" + id + "' has no parameter '" + name + "'; allowed: "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
                }
            }
        }
        switch (id) {
            case "theory": {
                double denoise = params.getOrDefault("denoise", 0.0);
                if (denoise != 0 && denoise != 1) {
                    throw new IllegalArgumentException("denoise must be 0 (output level ᾱ_1, as the theorems) or 1 (final denoising step to ᾱ_0 = 1), was " + denoise);
                }
                return new TheorySchedule(params.getOrDefault("c0", 2.0), params.getOrDefault("c1", 4.0), denoise == 1);
            }
            case "linear":
                return DiscreteSchedule.linear().withBetaMax(params.getOrDefault("betaMax", 1.0));
            case "cosine":
                return DiscreteSchedule.cosine().withBetaMax(params.getOrDefault("betaMax", 1.0));
            case "logsnr":
                return new LogSnrSchedule(params.getOrDefault("abarMax", 0.9999), params.getOrDefault("abarMin", 4e-5));
            case "edm":
                return new EdmSchedule(params.getOrDefault("sigmaMin", 0.002), params.getOrDefault("sigmaMax", 80.0),
                        params.getOrDefault("rho", 7.0));
            case "vp-continuous": {
                VpContinuousSchedule.Spacing s;
                if (spacing == null || spacing.equals("logsnr")) {
                    s = VpContinuousSchedule.Spacing.LOGSNR;
                } else if (spacing.equals("time")) {
                    s = VpContinuousSchedule.Spacing.TIME;
                } else {
                    throw new IllegalArgumentException("spacing must be 'time' or 'logsnr', was '" + spacing + "'");
                }
                return new VpContinuousSchedule(params.getOrDefault("beta0", 0.1), params.getOrDefault("beta1", 20.0),
                        params.getOrDefault("tEnd", 1e-3), s);
            }
            case "custom":
                if (custom == null) {
                    throw new IllegalArgumentException("the custom schedule needs an explicit list of alpha-bar values");
                }
                return new CustomSchedule(custom);
            default:
                throw new IllegalArgumentException("unknown schedule '" + id + "'; allowed: " + String.join(", ", IDS));
        }
    }

    /** The schedule with default parameters. */
    public static Schedule byId(String id) {
        return create(id, Map.of(), null, null);
    }
}
