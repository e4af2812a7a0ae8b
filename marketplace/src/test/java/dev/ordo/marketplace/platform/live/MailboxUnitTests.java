package dev.ordo.marketplace.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MailboxUnitTests {

    @Test
    void refusesAnOfferOnceFullWithoutWaiting() throws InterruptedException {
        Mailbox<String> mailbox = new Mailbox<>(2);

        assertThat(mailbox.offer("a")).isTrue();
        assertThat(mailbox.offer("b")).isTrue();
        assertThat(mailbox.offer("c")).isFalse();

        assertThat(mailbox.poll(Duration.ZERO)).isEqualTo("a");
        assertThat(mailbox.offer("c")).isTrue();
        assertThat(mailbox.poll(Duration.ZERO)).isEqualTo("b");
        assertThat(mailbox.poll(Duration.ZERO)).isEqualTo("c");
    }

    @Test
    void returnsNothingWhenNoMessageCameInTime() throws InterruptedException {
        Mailbox<String> mailbox = new Mailbox<>(1);

        assertThat(mailbox.poll(Duration.ofMillis(20))).isNull();
        assertThat(mailbox.isClosed()).isFalse();
    }

    @Test
    void closingDropsTheMessagesRefusesOffersAndWakesTheWaiter() throws InterruptedException {
        Mailbox<String> mailbox = new Mailbox<>(2);
        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return mailbox.poll(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(mailbox.close()).isTrue();

        assertThat(await().atMost(Duration.ofSeconds(5)).until(waiter::isDone, done -> done)).isTrue();
        assertThat(waiter.join()).isNull();
        assertThat(mailbox.offer("late")).isFalse();
        Mailbox<String> full = new Mailbox<>(1);
        full.offer("waiting");
        full.close();
        assertThat(full.poll(Duration.ZERO)).isNull();
        assertThat(mailbox.close()).as("a second close").isFalse();
        assertThat(mailbox.isClosed()).isTrue();
    }
}
