package org.scorescope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.scorescope.scenario.LectureScenarios;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.ui.labs.teaching.TeachingLab;

/**
 * Takes issue 18's screenshots from the real window on an X display (not a test; run by hand under
 * Xvfb, see the issue-18 presenter note): {@code anatomy OUTDIR} (the anatomy window of particle 17
 * at t = 20 for ddpm, accel-ddpm, accel-ddim, dpm-solver-2, piadm-ode), {@code annotation FILE} and
 * {@code freeze FILE} (presentation mode at the screen's size), {@code shortcuts FILE}, {@code pick FILE} (Shift+click on
 * ddpm's particle 17 at t = 20 on a 2200×1000 screen; cropped by hand to the panel and the anatomy window). Captures
 * with ImageMagick's import.
 */
public final class PresenterScreenshots {
    private static MainWindow window;

    private PresenterScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> {
        });
        String mode = args[0];
        Path out = Path.of(args[1]);
        List<String> options = mode.equals("anatomy") ? List.of("--size", "1280x760")
                : mode.equals("pick") ? List.of("--size", "1000x1000", "--no-metrics") : List.of();
        fx(() -> window = new MainWindow(new Stage(), UiOptions.parse(options)));
        try {
            switch (mode) {
                case "anatomy" -> anatomy(out);
                case "annotation" -> presentation(out, false);
                case "freeze" -> presentation(out, true);
                case "shortcuts" -> shortcuts(out);
                case "pick" -> pick(out);
                default -> throw new IllegalArgumentException("anatomy | annotation | freeze");
            }
        } finally {
            fx(() -> {
                window.close();
                return null;
            });
            Platform.exit();
        }
    }

    private static void anatomy(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String id : List.of("ddpm", "accel-ddpm", "accel-ddim", "dpm-solver-2", "piadm-ode")) {
            String json = "{\"title\": \"anatomy " + id + "\", \"target\": \"ring8\", \"schedule\": \"linear\", \"samplers\": [\"" + id
                    + "\"], \"steps\": 40, \"particles\": 20000, \"seed\": 1}";
            load(ScenarioJson.parse(json));
            fx(() -> {
                window.session().step.set(20);
                window.lab(TeachingLab.class).launch("17");
                return null;
            });
            Stage anatomy = fx(() -> (Stage) Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && "ScoreScope — anatomy of a step".equals(s.getTitle())).findFirst().orElseThrow());
            String label = fx(() -> window.run().labels().get(0));
            until("anatomy of " + id, () -> fx(() -> {
                var message = (Labeled) anatomy.getScene().lookup("#anatomy-message");
                var sampler = (ComboBox<?>) anatomy.getScene().lookup("#anatomy-sampler");
                return label.equals(sampler.getValue()) && message.getText().startsWith("step t = 20");
            }));
            fx(() -> {
                anatomy.setX(0);
                anatomy.setY(0);
                anatomy.getScene().getRoot().requestFocus();
                return null;
            });
            Thread.sleep(1500);
            int w = fx(() -> (int) anatomy.getWidth());
            int h = fx(() -> (int) anatomy.getHeight());
            capture(dir.resolve("anatomy-" + id + ".png"), w, h, 0, 0);
        }
    }

    private static void presentation(Path file, boolean freeze) throws Exception {
        Scenario lecture = LectureScenarios.all().stream().filter(l -> l.file().equals("03-accelerated-sde.json")).findFirst().orElseThrow()
                .scenario();
        load(lecture);
        fx(() -> {
            window.session().presentation.set(true);
            window.session().step.set(freeze ? 5 : 0);
            return null;
        });
        Thread.sleep(2500);
        List<PanelView> panels = fx(() -> window.panels());
        if (freeze) {
            fx(() -> {
                window.session().frozen.set(true);
                window.session().step.set(0);
                return null;
            });
        } else {
            fx(() -> {
                window.session().pen.set(true);
                return null;
            });
            // circle the mode at 12 o'clock on both panels; the pointer on the accelerated sampler's mode at 1:30
            circle(panels.get(0), 0, 4.0, 1.1);
            circle(panels.get(1), 0, 4.0, 1.1);
            fx(() -> {
                window.session().pointer.set(true);
                return null;
            });
            Point2D spot = fx(() -> screen(panels.get(1), 2.83, 2.83));
            Robot robot = fx(Robot::new);
            fx(() -> {
                robot.mouseMove(spot);
                return null;
            });
        }
        Thread.sleep(2500);
        int w = fx(() -> (int) window.stage().getWidth());
        int h = fx(() -> (int) window.stage().getHeight());
        capture(file, w, h, 0, 0);
    }

    /** Shift+click with the robot on ddpm's particle 17 at t = 20; the anatomy window opens beside the main one. */
    private static void pick(Path file) throws Exception {
        String json = "{\"title\": \"Click a particle for its anatomy\", \"target\": \"ring8\", \"schedule\": \"linear\", \"samplers\": [\"ddpm\"],"
                + " \"steps\": 40, \"particles\": 20000, \"seed\": 1}";
        load(ScenarioJson.parse(json));
        fx(() -> {
            window.stage().setX(0);
            window.stage().setY(0);
            window.session().step.set(20);
            return null;
        });
        Thread.sleep(2500);
        PanelView panel = fx(() -> window.panels().get(0));
        float[] at = fx(() -> new float[] {window.run().frameAt(20).samplers().get(0).positions()[0][17],
                window.run().frameAt(20).samplers().get(0).positions()[1][17]});
        Point2D p = fx(() -> screen(panel, at[0], at[1]));
        Robot robot = fx(Robot::new);
        fx(() -> {
            robot.mouseMove(p);
            robot.keyPress(javafx.scene.input.KeyCode.SHIFT);
            robot.mouseClick(MouseButton.PRIMARY);
            robot.keyRelease(javafx.scene.input.KeyCode.SHIFT);
            return null;
        });
        until("the anatomy window", () -> fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "ScoreScope — anatomy of a step".equals(s.getTitle()) && s.isShowing())));
        Stage anatomy = fx(() -> (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "ScoreScope — anatomy of a step".equals(s.getTitle())).findFirst().orElseThrow());
        until("its anatomy", () -> fx(() -> ((Labeled) anatomy.getScene().lookup("#anatomy-message")).getText().startsWith("step t = 20")));
        fx(() -> {
            anatomy.setX(1000);
            anatomy.setY(0);
            robot.mouseMove(p.add(40, 60));
            return null;
        });
        Thread.sleep(2000);
        capture(file, 2200, 1000, 0, 0);
    }

    private static void shortcuts(Path file) throws Exception {
        fx(() -> {
            window.session().shortcutsShown.set(true);
            return null;
        });
        Thread.sleep(2000);
        int w = fx(() -> (int) window.stage().getWidth());
        int h = fx(() -> (int) window.stage().getHeight());
        capture(file, w, h, 0, 0);
    }

    private static void circle(PanelView p, double cx, double cy, double r) throws Exception {
        double[] pts = new double[2 * 33];
        for (int i = 0; i <= 32; i++) {
            double a = 2 * Math.PI * i / 32 + 0.3;
            pts[2 * i] = cx + 1.1 * r * Math.cos(a);
            pts[2 * i + 1] = cy + 0.8 * r * Math.sin(a);
        }
        stroke(p, pts);
    }

    /** Draws a stroke through world points with the robot's mouse. */
    private static void stroke(PanelView p, double[] world) throws Exception {
        Robot robot = fx(Robot::new);
        for (int i = 0; i < world.length / 2; i++) {
            Point2D at = fx(screenOf(p, world[2 * i], world[2 * i + 1]));
            int k = i;
            fx(() -> {
                robot.mouseMove(at);
                if (k == 0) {
                    robot.mousePress(MouseButton.PRIMARY);
                }
                return null;
            });
            Thread.sleep(30);
        }
        fx(() -> {
            robot.mouseRelease(MouseButton.PRIMARY);
            return null;
        });
        Thread.sleep(200);
    }

    private static Callable<Point2D> screenOf(PanelView p, double x, double y) {
        return () -> screen(p, x, y);
    }

    private static Point2D screen(PanelView p, double x, double y) {
        PanelGrid grid = (PanelGrid) p.getParent();
        double s = grid.outputScale();
        var v = grid.viewport(p, s);
        return p.localToScreen(v.px(x) / s, v.py(y) / s);
    }

    private static void load(Scenario s) throws Exception {
        fx(() -> {
            window.session().load(s);
            return null;
        });
        until("the run of " + s.title(), () -> fx(() -> window.run() != null && window.run().scenario().equals(s)
                && window.run().finished().isDone()));
        fx(() -> {
            window.session().playing.set(false);
            return null;
        });
    }

    private static void capture(Path file, int w, int h, int x, int y) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", w + "x" + h + "+" + x + "+" + y, "+repage", file.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }

    private static void until(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 180_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static <T> T fx(Callable<T> c) {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        try {
            return t.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
