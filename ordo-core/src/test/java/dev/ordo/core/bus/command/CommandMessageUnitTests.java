package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import org.junit.jupiter.api.Test;

class CommandMessageUnitTests {

    record PayOrder(String amount) {
    }

    record OnOrder(String orderId, Object command) implements AddressedCommand {
    }

    @Test
    void namesACommandByItsClass() {
        assertThat(new CommandMessage(new PayOrder("1"), EventMetadata.empty()).commandType()).isEqualTo("PayOrder");
    }

    @Test
    void namesAnAddressedCommandByTheCommandItWraps() {
        CommandMessage message = new CommandMessage(new OnOrder("o-1", new PayOrder("1")), EventMetadata.empty());

        assertThat(message.commandType()).isEqualTo("PayOrder");
    }
}
