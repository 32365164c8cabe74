package org.scorescope.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.ListChangeListener;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.Job;

/**
 * What the status line says while a long run computes: "Computing 3 samplers: ddpm, ddim, heun —
 * step 12/40" (the count and the names of the run's samplers, singular or plural, and the steps
 * done of T), in place of the run job's generic title. The run's job is the shown job whose title
 * starts with "Computing " (RunController names it so, and reports (T − t) / T as its progress); the
 * text follows that progress.
 */
final class RunStatusText {
    /** At most this many names are listed; the rest are counted ("and 4 more"). */
    static final int NAMES = 4;

    private RunStatusText() {
    }

    /**
     * The status text of a run.
     *
     * @param names the samplers' labels, in panel order
     * @param done steps computed (0 … steps)
     * @param steps T
     */
    static String computing(List<String> names, int done, int steps) {
        int n = names.size();
        StringBuilder b = new StringBuilder("Computing ").append(n).append(n == 1 ? " sampler" : " samplers");
        if (n > 0) {
            b.append(": ").append(String.join(", ", names.subList(0, Math.min(n, NAMES))));
            if (n > NAMES) {
                b.append(" and ").append(n - NAMES).append(" more");
            }
        }
        return b.append(" — step ").append(Math.max(0, Math.min(done, steps))).append('/').append(steps).toString();
    }

    /**
     * The text for a run at a fraction of its steps done (the run job's progress, (T − t) / T; a
     * negative fraction — not started — is 0).
     */
    static String of(RunView run, double fraction) {
        return computing(run.labels(), (int) Math.round(Math.max(0, fraction) * run.steps()), run.steps());
    }

    /**
     * Makes the status line's job title say {@link #of} for the run's job (installed after the status
     * bar listens to the executor, so this binding is the one that stays).
     */
    static void install(StatusBar bar, BackgroundExecutor executor, ObservableObjectValue<RunView> current) {
        executor.shownJobs().addListener((ListChangeListener<Job<?>>) c -> {
            List<Job<?>> jobs = executor.shownJobs();
            Job<?> j = jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
            if (j != null && j.title().startsWith("Computing ")) {
                // The job starts just before its run is shown: the text follows the run property too.
                String title = j.title();
                bar.job.textProperty().unbind();
                bar.job.textProperty().bind(Bindings.createStringBinding(
                        () -> current.get() == null ? title : of(current.get(), j.progressProperty().get()), j.progressProperty(), current));
            }
        });
    }
}
