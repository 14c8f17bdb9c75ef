package app.frontdesk.application.cases;

import app.frontdesk.application.contacts.SupportContact;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.calendar.BusinessCalendar;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How unknown-sender cases are handled.
 *
 * @param publicUrl    the address of Frontdesk as people's browsers reach it, for one-click links
 * @param linkTtl      how long links work and a case waits before it expires (7 days)
 * @param replyWindow  at most one reply per sender address in this window (24 hours)
 * @param alertWindow  at most one manager alert per sender in this window (1 hour); the rest go into a digest
 * @param answerWithin the business time within which we promise an answer (4 business hours)
 * @param triage       who gets cases with no clear account
 * @param support      the person customer texts name
 * @param defaultLocale the language when nothing tells
 * @param calendar     business days and hours for promised deadlines
 * @param autoReplyEnvelopeFrom the envelope sender of replies to strangers: null for the null reverse-path
 *                     (RFC 3834 section 3.3, the default); an address only for a relay that refuses null senders
 */
public record CaseSettings(URI publicUrl, Duration linkTtl, Duration replyWindow, Duration alertWindow,
                           Duration answerWithin, EmailAddress triage, SupportContact support, Locale defaultLocale,
                           BusinessCalendar calendar, String autoReplyEnvelopeFrom) {
}
