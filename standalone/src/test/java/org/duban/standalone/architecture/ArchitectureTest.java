package org.duban.standalone.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** ARCHITECTURE.md as executable rules: shared-api stays pure, the two sides stay apart, infrastructure holds no domain. */
class ArchitectureTest {
    private static final JavaClasses DUBAN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.duban");

    @Test
    void shared_api_speaks_no_spring_no_jpa_and_uses_only_axon_annotations() {
        noClasses().that().resideInAPackage("org.duban.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "jakarta.servlet..", "org.hibernate..")
                .check(DUBAN);
        noClasses().that().resideInAPackage("org.duban.api..")
                .should().dependOnClassesThat(describe("Axon runtime (anything but @Revision and @TargetAggregateIdentifier)",
                        (JavaClass c) -> c.getPackageName().startsWith("org.axonframework")
                                && !c.isEquivalentTo(Revision.class) && !c.isEquivalentTo(TargetAggregateIdentifier.class)))
                .check(DUBAN);
        noClasses().that().resideInAPackage("org.duban.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.duban.command..", "org.duban.query..",
                        "org.duban.platform..", "org.duban.standalone..")
                .check(DUBAN);
    }

    @Test
    void the_command_side_and_the_query_side_never_depend_on_each_other() {
        noClasses().that().resideInAPackage("org.duban.command..")
                .should().dependOnClassesThat().resideInAPackage("org.duban.query..").check(DUBAN);
        noClasses().that().resideInAPackage("org.duban.query..")
                .should().dependOnClassesThat().resideInAPackage("org.duban.command..").check(DUBAN);
    }

    @Test
    void the_platform_knows_neither_side() {
        noClasses().that().resideInAPackage("org.duban.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.duban.command..", "org.duban.query..",
                        "org.duban.standalone..")
                .check(DUBAN);
    }

    @Test
    void aggregates_are_package_private() {
        classes().that().areAnnotatedWith(Aggregate.class).should().notHaveModifier(JavaModifier.PUBLIC).check(DUBAN);
    }
}
