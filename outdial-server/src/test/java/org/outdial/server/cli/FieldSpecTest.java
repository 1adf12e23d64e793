package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;

class FieldSpecTest {

    @Test
    void nameAndTypeMakeAFieldThatIsNotSent() {
        assertThat(FieldSpec.parse("balance:decimal")).isEqualTo(new CustomField("balance", CustomFieldType.DECIMAL, 0, null));
    }

    @Test
    void varcharTakesALengthAndASendAttribute() {
        assertThat(FieldSpec.parse("account_no:varchar(20):GSW_ACCOUNT"))
                .isEqualTo(CustomField.varchar("account_no", 20, "GSW_ACCOUNT"));
    }

    @Test
    void varcharWithoutALengthHoldsUpTo255Characters() {
        assertThat(FieldSpec.parse("notes:varchar").length()).isEqualTo(255);
    }

    @Test
    void lengthOnAnotherTypeIsRefused() {
        assertThatThrownBy(() -> FieldSpec.parse("visits:integer(4)")).hasMessageContaining("only varchar takes a length");
    }

    @Test
    void unknownTypeNamesTheAllowedTypes() {
        assertThatThrownBy(() -> FieldSpec.parse("balance:money")).hasMessageContaining("decimal").hasMessageContaining("varchar");
    }

    @Test
    void missingTypeExplainsTheSyntax() {
        assertThatThrownBy(() -> FieldSpec.parse("balance")).hasMessageContaining(FieldSpec.SYNTAX);
    }
}
