package org.scorescope.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a user most likely meant: the same name in other letter case, the one name it is a
 * prefix of, or the closest by edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters, each costing 1) when that distance is small for the name's length.
 */
public final class NearestName {
    private NearestName() {
    }

    /** The suggestion for {@code given} among {@code known}, if one is close enough. */
    public static Optional<String> of(String given, Collection<String> known) {
        if (given == null || given.isEmpty() || known.isEmpty()) {
            return Optional.empty();
        }
        String g = given.toLowerCase(Locale.ROOT);
        for (String k : known) {
            if (k.toLowerCase(Locale.ROOT).equals(g)) {
                return Optional.of(k);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(g, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, g.length() / 3));
        if (bestDistance <= allowed) {
            return Optional.of(best);
        }
        String prefixOf = null;
        for (String k : known) {
            if (g.length() >= 3 && k.toLowerCase(Locale.ROOT).startsWith(g)) {
                if (prefixOf != null) {
                    return Optional.empty();
                }
                prefixOf = k;
            }
        }
        return Optional.ofNullable(prefixOf);
    }

    /** " — did you mean 'x'?" or "". */
    public static String hint(String given, Collection<String> known) {
        return of(given, known).map(s -> " — did you mean '" + s + "'?").orElse("");
    }

    /**
     * "unknown {@code what} 'given' — did you mean 'x'? (allowed: a, b, c)", the suggestion only
     * when one is close.
     */
    public static String unknown(String what, String given, Collection<String> known) {
        return "unknown " + what + " '" + given + "'" + hint(given, known) + " (allowed: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")";
    }

    /** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
