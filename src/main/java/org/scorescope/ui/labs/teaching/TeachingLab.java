package org.scorescope.ui.labs.teaching;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.LabLecture;

/**
 * The teaching lab (issue 18): opens the anatomy-of-a-step window (labelled arrows per term,
 * sub-steps with N / P, the equation with this step's coefficients) and the theorem cards (each seed
 * rate or shape with a "Check it" that reproduces it on the core, {@link TheoremCardsWindow}), also
 * listed on the lecture page. {@code --lab teaching[:PARTICLE]} opens the anatomy on a particle;
 * {@code --lab teaching:cards[:CARD]} opens the cards (and checks CARD, e.g. {@code 001-thm-3.1}).
 */
public final class TeachingLab implements Lab {
    private LabContext context;
    private AnatomyWindow window;
    private TheoremCardsWindow cards;

    @Override
    public String id() {
        return "teaching";
    }

    @Override
    public String title() {
        return "Teaching";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
    }

    @Override
    public Optional<Node> controlPane() {
        Button open = new Button("Anatomy of a step…");
        open.setId("open-anatomy");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> open());
        Label hint = new Label("one particle's update as arrows, one per term of the equation, with this step's coefficients");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Button theorems = new Button("Theorem cards…");
        theorems.setId("open-theorem-cards");
        theorems.setMaxWidth(Double.MAX_VALUE);
        theorems.setOnAction(e -> openCards());
        Label cardsHint = new Label("each seed theorem's rate or shape, with a “Check it” that reproduces it on the core");
        cardsHint.getStyleClass().add("hint");
        cardsHint.setWrapText(true);
        return Optional.of(new VBox(4, open, hint, theorems, cardsHint));
    }

    @Override
    public List<LabLecture> ownLectures() {
        return List.of(new LabLecture("Theorem cards",
                "Every seed statement with a checkable rate or shape (001 Theorems 3.1/3.2, 003 Theorems 1–12, 004's Picard rounds), "
                        + "grouped by the lecture's six parts: the statement, its formula and source line, and “Check it”, which "
                        + "reproduces it on the core and draws the measured slope beside the theory's, dashed.",
                this::openCards));
    }

    /** Opens (or brings forward) the theorem cards. */
    TheoremCardsWindow openCards() {
        if (cards == null || !cards.stage.isShowing()) {
            cards = new TheoremCardsWindow(context);
        }
        cards.show();
        return cards;
    }

    /** Opens (or brings forward) the anatomy window. */
    AnatomyWindow open() {
        if (window == null || !window.stage.isShowing()) {
            window = new AnatomyWindow(context);
        }
        window.show();
        return window;
    }

    @Override
    public void launch(String argument) {
        if (argument.equals("cards") || argument.startsWith("cards:")) {
            TheoremCardsWindow w = openCards();
            String id = argument.equals("cards") ? "" : argument.substring("cards:".length()).trim();
            if (!id.isEmpty()) {
                w.reveal(id);
                w.check(w.views.get(id));
            }
            return;
        }
        AnatomyWindow w = open();
        if (!argument.isBlank()) {
            try {
                w.particle.getValueFactory().setValue(Integer.parseInt(argument.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lab teaching:PARTICLE takes a particle index (or cards[:CARD] for the theorem "
                        + "cards), was '" + argument + "'");
            }
        }
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
        }
        if (cards != null) {
            cards.close();
        }
    }
}
