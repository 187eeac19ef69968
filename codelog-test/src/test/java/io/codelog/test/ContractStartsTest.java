package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract runs from every start unless {@link RunContractFrom} on the class or around it narrows them. */
class ContractStartsTest {

    static class Plain {}

    @RunContractFrom({ContractStart.MIDDAY, ContractStart.LAST_SECOND_OF_YEAR})
    static class Narrowed {
        class Inside {}
    }

    static class Inheriting extends Narrowed {}

    @RunContractFrom({})
    static class NamesNone {}

    @Test
    void everyStartByDefault() {
        assertThat(ContractStarts.starts(Plain.class)).containsExactly(ContractStart.values());
    }

    @Test
    void theStartsTheClassItsSuperclassOrItsEnclosingClassNames() {
        assertThat(ContractStarts.starts(Narrowed.class))
                .containsExactly(ContractStart.MIDDAY, ContractStart.LAST_SECOND_OF_YEAR);
        assertThat(ContractStarts.starts(Narrowed.Inside.class))
                .containsExactly(ContractStart.MIDDAY, ContractStart.LAST_SECOND_OF_YEAR);
        assertThat(ContractStarts.starts(Inheriting.class))
                .containsExactly(ContractStart.MIDDAY, ContractStart.LAST_SECOND_OF_YEAR);
    }

    @Test
    void anAnnotationNamingNoStartIsAMistake() {
        assertThatThrownBy(() -> ContractStarts.starts(NamesNone.class).toList())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names no start");
    }
}
