package org.graftwatch.testsupport;

import org.graftwatch.testsupport.GraftwatchInfrastructure.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backend choice alone: nothing is started here. */
class GraftwatchInfrastructureTest {

    private static final BooleanSupplier DOCKER_ANSWERS = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier MUST_NOT_ASK = () -> {
        throw new AssertionError("Docker must only be asked in auto mode");
    };

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"auto", "AUTO", " auto ", "  "})
    void autoTakesContainersWhenDockerAnswers(String mode) {
        var choice = GraftwatchInfrastructure.choose(mode, DOCKER_ANSWERS);

        assertThat(choice.backend()).isEqualTo(Backend.CONTAINERS);
        assertThat(choice.reason()).isEqualTo("graftwatch.infra=auto and Docker answers");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"auto", "Auto"})
    void autoFallsBackToEmbeddedWithoutDocker(String mode) {
        var choice = GraftwatchInfrastructure.choose(mode, NO_DOCKER);

        assertThat(choice.backend()).isEqualTo(Backend.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("graftwatch.infra=auto and Docker is not available");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "Embedded", " EMBEDDED"})
    void embeddedIsTakenWithoutAskingDocker(String mode) {
        assertThat(GraftwatchInfrastructure.choose(mode, MUST_NOT_ASK).backend()).isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void containersAreTakenWithoutAskingDocker() {
        assertThat(GraftwatchInfrastructure.choose("containers", MUST_NOT_ASK).backend()).isEqualTo(Backend.CONTAINERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "testcontainers", "embeded", "auto,embedded"})
    void anyOtherValueIsRejectedWithTheAllowedOnes(String mode) {
        assertThatThrownBy(() -> GraftwatchInfrastructure.choose(mode, MUST_NOT_ASK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property graftwatch.infra must be auto, embedded or containers, not '" + mode + "'");
    }
}
