package org.scorescope.ui.labs.teaching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.engine.Engine;
import org.scorescope.metrics.Sweep;
import org.scorescope.teaching.TheoremCard;
import org.scorescope.teaching.TheoremCards;
import org.scorescope.teaching.TheoremCheck;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;
import org.scorescope.ui.UiScroll;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, must-show 2 (window part): in the theorem-cards window, "Check it" on every card whose
 * check the core can run shows a slope (or shape) within the tolerance the card states, and the
 * numbers shown are the ones {@link TheoremCheck} returns on the core (an engine of another thread
 * count: the checks are deterministic). Cards whose feature is not in the core show the button
 * disabled with the reason; a check that fails says so in its card.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TheoremCardsWindowTest {
    private static final Pattern SLOPE = Pattern.compile("fitted (?:log-gap )?slope (−?[0-9.]+)");
    static Engine core;
    private MainWindow window;

    @BeforeAll
    static void engine() {
        core = new Engine(1);
    }

    @AfterAll
    static void stopEngine() {
        core.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private TheoremCardsWindow open(FxRobot robot) {
        UiScroll.intoView(robot, "#open-theorem-cards");
        robot.clickOn("#open-theorem-cards");
        AtomicReference<TheoremCardsWindow> w = new AtomicReference<>();
        robot.interact(() -> w.set(window.lab(TeachingLab.class).openCards()));
        TeachingLabTest.until("the formulas typeset", () -> w.get().formulas);
        return w.get();
    }

    /** Clicks a card's "Check it" as a user would (scrolled into view) and waits for its verdict. */
    private static TheoremCardView check(FxRobot robot, TheoremCardsWindow w, TheoremCard card) {
        TheoremCardView v = w.views.get(card.id());
        robot.interact(() -> w.reveal(card.id()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(v.check);
        TeachingLabTest.until(card.id() + " checked", () -> v.job == null && v.outcome != null);
        return v;
    }

    @Test
    void checkItOnEveryRunnableCardShowsTheCoresSlopeWithinTheCardsTolerance(FxRobot robot) {
        TheoremCardsWindow w = open(robot);
        assertEquals(TheoremCards.all().size(), w.views.size(), "every card is listed");
        List<TheoremCard> runnable = TheoremCards.all().stream().filter(c -> c.check().runnable()).toList();
        assertTrue(runnable.size() >= 13, "cards with a check: " + runnable.size());
        for (TheoremCard card : runnable) {
            TheoremCardView v = check(robot, w, card);
            TheoremCheck.Result expected = TheoremCheck.run(card, core);
            TheoremCheck.Result shown = v.outcome;
            assertEquals(expected.series().size(), shown.series().size(), card.id());
            for (int i = 0; i < expected.series().size(); i++) {
                TheoremCheck.Series e = expected.series().get(i);
                TheoremCheck.Series s = shown.series().get(i);
                assertEquals(e.label(), s.label());
                assertArrayEquals(e.x(), s.x(), card.id());
                assertArrayEquals(e.y(), s.y(), 0, card.id() + " " + e.label() + ": the window's numbers are the core's");
                assertEquals(e.slope(), s.slope(), 0, card.id() + " " + e.label());
                assertArrayEquals(e.se(), s.se(), 0, card.id() + " " + e.label() + ": standard errors");
            }
            String text = v.result.getText();
            assertEquals(TheoremCheckChart.verdict(expected), text, card.id());
            assertTrue(shown.passed(), card.id() + ": " + text);
            assertFalse(text.contains("FAILS"), text);
            // the number shown, read back from the card, is within the stated tolerance
            Matcher m = SLOPE.matcher(text);
            int lines = 0;
            while (m.find()) {
                double slope = Double.parseDouble(m.group(1).replace('−', '-'));
                lines++;
                TheoremCard.Check c = card.check();
                if (c instanceof TheoremCard.ExactSlope x) {
                    assertTrue(x.bound().accepts(slope, x.order(), x.tolerance()), card.id() + " shows " + slope);
                } else if (c instanceof TheoremCard.DiscreteSlope x) {
                    assertTrue(x.bound().accepts(slope, x.order(), x.tolerance()), card.id() + " shows " + slope);
                } else if (c instanceof TheoremCard.PicardRounds x) {
                    assertTrue(slope <= -x.rate(), card.id() + " shows " + slope);
                }
            }
            if (!(card.check() instanceof TheoremCard.GuidanceDecrease)) {
                assertEquals(shown.series().size(), lines, card.id() + ": one fitted slope per series in " + text);
            } else {
                for (int i = 1; i < shown.series().get(0).y().length; i++) {
                    assertTrue(shown.series().get(0).y()[i] < shown.series().get(0).y()[i - 1], "E[1/p(c|Y)] falls with w: " + text);
                }
            }
            // the chart on the right is this card's, drawn, with the same verdict under it
            TeachingLabTest.until(card.id() + " chart", () -> w.shown == v && w.chart.shown());
            assertEquals(text, w.verdict.getText());
            System.out.println("window card " + card.id() + ": " + text.replace('\n', ';'));
        }
    }

    @Test
    void cardsWithoutACheckShowTheButtonDisabledWithTheReasonAndAFailureReachesTheCard(FxRobot robot) {
        TheoremCardsWindow w = open(robot);
        for (TheoremCard card : TheoremCards.all()) {
            TheoremCardView v = w.views.get(card.id());
            assertNotNull(v.formula.getImage(), card.id() + ": the formula is typeset");
            assertTrue(v.formula.getImage().getWidth() <= TheoremCardsWindow.FORMULA_WIDTH + 2, card.id() + " formula fits the card");
            assertTrue(v.tolerance.getText().contains("tolerance: " + TheoremCardView.tolerance(card.check())), v.tolerance.getText());
            if (!card.check().runnable()) {
                assertTrue(v.check.isDisabled(), card.id());
                assertTrue(v.result.getText().startsWith("Not checkable here: ") && v.result.getText().contains("What exists"), v.result.getText());
            } else {
                assertFalse(v.check.isDisabled(), card.id());
            }
        }
        // a check that throws reports in its card, in one line
        TheoremCard bad = new TheoremCard("bad", 3, "a card with a sampler that does not exist", "x", "x", "001_x.txt line 1", "x",
                new TheoremCard.ExactSlope(List.of("no-such-sampler"), Sweep.Metric.EXACT_W2, new int[] {10, 20}, 1, 0.1,
                        TheoremCard.Bound.EQUAL));
        AtomicReference<TheoremCardView> v = new AtomicReference<>();
        robot.interact(() -> {
            v.set(new TheoremCardView(bad));
            w.check(v.get());
        });
        TeachingLabTest.until("the failure in the card", () -> v.get().job == null && v.get().result.getText().startsWith("The check failed"));
        assertTrue(v.get().result.getText().contains("no-such-sampler"), v.get().result.getText());
        assertTrue(w.verdict.getText().contains("no-such-sampler"), "and under the chart: " + w.verdict.getText());
        assertEquals("Check it", v.get().check.getText());
    }

    @Test
    void theLecturePageOpensTheCards(FxRobot robot) {
        UiScroll.intoView(robot, "#open-lectures");
        robot.clickOn("#open-lectures");
        TeachingLabTest.until("lecture page", () -> robot.lookup(".lecture-title").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Theorem cards")));
        Label title = robot.lookup(".lecture-title").queryAll().stream().map(n -> (Label) n).filter(l -> l.getText().equals("Theorem cards"))
                .findFirst().orElseThrow();
        javafx.scene.control.Button open = (javafx.scene.control.Button) ((javafx.scene.layout.VBox) title.getParent()).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.control.Button).findFirst().orElseThrow();
        robot.interact(open::fire);
        TeachingLabTest.until("the cards window", () -> robot.listWindows().stream()
                .anyMatch(s -> s instanceof Stage st && st.isShowing() && "ScoreScope — theorem cards".equals(st.getTitle())));
    }

    @Test
    void theSameButtonCancelsARunningCheck(FxRobot robot) {
        TheoremCardsWindow w = open(robot);
        TheoremCardView v = w.views.get("003-thm-9");
        robot.interact(() -> w.check(v));
        assertEquals("Cancel", v.check.getText());
        robot.interact(() -> w.check(v));
        TeachingLabTest.until("cancelled", () -> v.job == null);
        assertEquals("cancelled", v.result.getText());
        assertEquals("Check it", v.check.getText());
    }
}
