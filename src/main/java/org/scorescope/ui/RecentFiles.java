package org.scorescope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last scenario files opened or saved, kept in the user's preferences (at most eight). */
final class RecentFiles {
    private static final int MAX = 8;
    private static final String KEY = "recent";

    private RecentFiles() {
    }

    private static Preferences node() {
        return Preferences.userRoot().node(System.getProperty("scorescope.prefs", "org/scorescope"));
    }

    static List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : node().get(KEY, "").split("\n")) {
            if (!s.isBlank() && Files.exists(Path.of(s))) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    static void add(Path p) {
        List<String> items = new ArrayList<>();
        items.add(p.toAbsolutePath().toString());
        for (Path q : list()) {
            String s = q.toAbsolutePath().toString();
            if (!items.contains(s) && items.size() < MAX) {
                items.add(s);
            }
        }
        node().put(KEY, String.join("\n", items));
    }
}
