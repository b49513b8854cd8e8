package org.amamo.application.internal;

import java.util.List;
import org.amamo.consultation.ConsultationEnded;
import org.amamo.consultation.ConsultationMessagePosted;
import org.amamo.consultation.ConsultationOpened;
import org.amamo.consultation.ConsultationStatus;
import org.amamo.consultation.Consultations;
import org.amamo.identity.Role;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * In-app notifications of pre-consultations, beside those of applications: the secretariat hears of a new
 * consultation and of each applicant's message; the applicant hears of each answer and of the closing. They are
 * sent once the consultation's change has committed, so a notification never announces a change that was undone.
 */
@Component
class ConsultationNotifications {

    private final Notifications notifications;
    private final Consultations consultations;
    private final UserDirectory users;

    ConsultationNotifications(Notifications notifications, Consultations consultations, UserDirectory users) {
        this.notifications = notifications;
        this.consultations = consultations;
        this.users = users;
    }

    @TransactionalEventListener
    void on(ConsultationOpened opened) {
        send(secretariat(), "notification.consultation.opened", opened.consultationId());
    }

    @TransactionalEventListener
    void on(ConsultationMessagePosted posted) {
        if (posted.fromSecretariat()) {
            send(List.of(posted.applicantId()), "notification.consultation.answered", posted.consultationId());
        } else {
            send(secretariat(), "notification.consultation.asked", posted.consultationId());
        }
    }

    @TransactionalEventListener
    void on(ConsultationEnded ended) {
        if (ended.status() == ConsultationStatus.CLOSED) {
            send(List.of(ended.applicantId()), "notification.consultation.closed", ended.consultationId());
        } else {
            send(secretariat(), "notification.consultation.withdrawn", ended.consultationId());
        }
    }

    private List<Long> secretariat() {
        return users.withRole(Role.SECRETARIAT).stream()
                .map(UserSummary::userId)
                .toList();
    }

    private void send(List<Long> userIds, String messageKey, long consultationId) {
        consultations
                .find(consultationId)
                .ifPresent(consultation -> notifications.send(
                        userIds, messageKey, consultation.title(), "/consultations/" + consultationId));
    }
}
