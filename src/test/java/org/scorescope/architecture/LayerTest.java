package org.scorescope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walls of docs/architecture.md, enforced: layers only look down, no package cycles, JavaFX only in ui. */
class LayerTest {
    private static JavaClasses classes;
    /**
     * The compute cores, which keep their own fixed pools (deterministic chunking, see
     * docs/architecture.md): the engine and the discrete lab's runner. Everything else, the window
     * above all, runs its background work on {@code ui.service.BackgroundExecutor}.
     */
    private static final String[] COMPUTE_CORES = {"org.scorescope.engine..", "org.scorescope.discrete.."};

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.scorescope");
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("math").definedBy("org.scorescope.math..")
                .layer("io").definedBy("org.scorescope.io..")
                .layer("schedule").definedBy("org.scorescope.schedule..")
                .layer("distribution").definedBy("org.scorescope.distribution..")
                .layer("inverse").definedBy("org.scorescope.inverse..")
                .layer("score").definedBy("org.scorescope.score..")
                .layer("sampler").definedBy("org.scorescope.sampler..")
                .layer("engine").definedBy("org.scorescope.engine..")
                .layer("metrics").definedBy("org.scorescope.metrics..")
                .layer("scenario").definedBy("org.scorescope.scenario..")
                .layer("discrete").definedBy("org.scorescope.discrete..")
                .layer("teaching").definedBy("org.scorescope.teaching..")
                .layer("render").definedBy("org.scorescope.render..")
                .layer("cli").definedBy("org.scorescope.cli..")
                .layer("ui").definedBy("org.scorescope.ui..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("render").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("teaching").mayOnlyBeAccessedByLayers("render", "cli", "ui")
                .whereLayer("discrete").mayOnlyBeAccessedByLayers("teaching", "render", "cli", "ui")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("discrete", "teaching", "render", "cli", "ui")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("scenario", "discrete", "teaching", "render", "cli", "ui")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("metrics", "scenario", "discrete", "teaching", "render", "cli", "ui")
                .whereLayer("sampler").mayOnlyBeAccessedByLayers("engine", "metrics", "scenario", "discrete", "teaching", "render", "cli", "ui")
                .whereLayer("score").mayOnlyBeAccessedByLayers("sampler", "engine", "metrics", "scenario", "discrete", "teaching", "render", "cli", "ui")
                .whereLayer("inverse").mayOnlyBeAccessedByLayers("sampler", "engine", "metrics", "scenario", "discrete", "teaching", "render", "cli", "ui")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.scorescope.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void javafxOnlyInUi() {
        noClasses().that().resideOutsideOfPackages("org.scorescope.ui..", "org.scorescope")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void theWindowsViewModelAndServicesHoldNoNodes() {
        noClasses().that().resideInAnyPackage("org.scorescope.ui.model..", "org.scorescope.ui.service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("the session view model and the executor are tested without a window").check(classes);
    }

    @Test
    void labsSeeOnlyTheLabApiNotTheShell() {
        noClasses().that().resideInAnyPackage("org.scorescope.ui.model..", "org.scorescope.ui.service..", "org.scorescope.ui.lab..",
                "org.scorescope.ui.labs..")
                .should().dependOnClassesThat().resideInAPackage("org.scorescope.ui")
                .because("a lab plugs in through org.scorescope.ui.lab and must not reach into the window's classes").check(classes);
        noClasses().that().resideInAnyPackage("org.scorescope.ui.model..", "org.scorescope.ui.service..", "org.scorescope.ui.lab..")
                .should().dependOnClassesThat().resideInAPackage("org.scorescope.ui.labs..").check(classes);
    }

    @Test
    void oneExecutorMakesTheWindowsThreads() {
        noClasses().that().doNotHaveFullyQualifiedName("org.scorescope.ui.service.BackgroundExecutor")
                .and().resideOutsideOfPackages(COMPUTE_CORES)
                .and().doNotHaveFullyQualifiedName("org.scorescope.Launcher")
                .and().doNotHaveFullyQualifiedName("org.scorescope.io.OutputSession")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("a Thread",
                                        c -> c.isAssignableTo(Thread.class)))))
                .because("background work goes through the one executor (the compute cores keep their own pools; the "
                        + "launcher and the output layer their shutdown hooks)").check(classes);
    }

    @Test
    void noOtherThreadPools() {
        noClasses().that().doNotHaveFullyQualifiedName("org.scorescope.ui.service.BackgroundExecutor")
                .and().resideOutsideOfPackages(COMPUTE_CORES)
                .should().callMethod(java.util.concurrent.Executors.class, "newSingleThreadExecutor")
                .orShould().callMethod(java.util.concurrent.Executors.class, "newSingleThreadExecutor",
                        java.util.concurrent.ThreadFactory.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class,
                        java.util.concurrent.ThreadFactory.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
                .because("no other pools in the window").check(classes);
    }

    @Test
    void nothingSleeps() {
        noClasses().should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .because("waiting is done on futures and listeners, never by sleep-polling").check(classes);
    }

    @Test
    void onlyTheCliAndTheWindowReachTheCli() {
        noClasses().that().resideOutsideOfPackages("org.scorescope.cli..", "org.scorescope")
                .should().dependOnClassesThat().resideInAPackage("org.scorescope.cli..").check(classes);
    }
}
