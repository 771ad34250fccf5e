package sa.tenhal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module graph of DESIGN.md, verified; the diagrams are written to {@code target/spring-modulith-docs}. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TenhalApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
