package org.scorescope.teaching;

import java.util.List;

/**
 * One part of the lecture (issue 18): the six parts of 003 ("Theoretical Foundations of Diffusion
 * Models") in the lecture's order, each with its paragraph, the lecture scenarios it opens, the labs
 * it uses, its theorem cards, and — for a part whose lab is not in the application yet — what exists
 * instead.
 *
 * @param number 1–6
 * @param title the part's title as 003 gives it
 * @param source where the part starts (seed file and line)
 * @param paragraph what the part shows, for the start page
 * @param scenarios lecture scenario files ({@code assets/scenarios/}) it opens, in order; may be empty
 * @param labs ids of the window's labs it uses ({@code ui.lab.Lab#id})
 * @param pending empty when the part's lab exists; otherwise which issue brings it and what to use meanwhile
 */
public record LecturePart(int number, String title, String source, String paragraph, List<String> scenarios, List<String> labs,
        String pending) {
    /** Copies. */
    public LecturePart {
        scenarios = List.copyOf(scenarios);
        labs = List.copyOf(labs);
    }

    /** The part's theorem cards. */
    public List<TheoremCard> cards() {
        return TheoremCards.ofPart(number);
    }

    /** Whether the part's own lab is in the application. */
    public boolean ready() {
        return pending.isEmpty();
    }
}
