package org.outdial.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is deterministic: time, randomness and sleeping arrive from outside, never from ambient globals. */
class DeterminismRulesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.outdial");

    @Test
    void coreNeverReadsTheWallClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .because("the engine reads time only from the events it is given (DESIGN.md §2)")
                .check(CORE);
    }

    @Test
    void coreNeverUsesUnseededRandomnessOrSleeps() {
        noClasses().should().callConstructor(java.util.Random.class)
                .orShould().callMethod(java.util.concurrent.ThreadLocalRandom.class, "current")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .because("runs must replay identically from a seed")
                .check(CORE);
    }

    @Test
    void coreDependsOnNoAdapterLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "io.javalin..", "com.fasterxml..", "org.h2..", "org.postgresql..")
                .because("outdial-core is JDK only; adapters live in the other modules")
                .check(CORE);
    }
}
