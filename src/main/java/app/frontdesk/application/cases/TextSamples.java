package app.frontdesk.application.cases;

import app.frontdesk.application.care.RecoveryMail;
import app.frontdesk.application.tasks.TaskMails;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.dunning.NoticeMails;
import app.frontdesk.application.news.CustomerNews;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.application.outbox.StaffMails;
import app.frontdesk.application.payments.PaymentOrderMails;
import app.frontdesk.application.texts.Text;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample values for every key a template may use, so that each template is rendered and checked at
 * start-up (TemplateLibrary, TemplateWording) before a real mail needs it.
 */
final class TextSamples {

    private TextSamples() {
    }

    /** A model with every key the templates of {@code text} may use, for the start-up check. */
    static Map<String, Object> of(Text text) {
        Map<String, Object> m = new HashMap<>();
        m.put("reference", "FD-100");
        m.put("explanation", true);
        m.put("nextStep", true);
        m.put("deadline", Map.of("when", "Monday, 23 November 2026, 13:00 (MSK)"));
        m.put("contact", Map.of("name", "Sample Support Desk", "phone", "+7 495 000-00-00", "email", "support@sample.example"));
        m.put("received", "Sunday, 22 November 2026, 10:00 (MSK)");
        m.put("recipientName", "Anna");
        m.put("managerName", "Olga");
        m.put("accountName", "Sample LLC");
        m.put("hasAccount", true);
        m.put("triage", false);
        m.put("sender", Map.of("address", "ceo@sample.example", "name", "Ivan"));
        m.put("subject", "Re: notice");
        m.put("excerpt", "Hello,\nwe paid yesterday.");
        m.put("evidence", List.of("invoice number INV-1"));
        m.put("authorizeUrl", "https://frontdesk.example/api/links/a");
        m.put("rejectUrl", "https://frontdesk.example/api/links/r");
        m.put("confirmUrl", "https://frontdesk.example/api/links/c");
        m.put("linksExpire", "Monday, 30 November 2026, 10:00 (MSK)");
        m.put("verification", "dmarc=fail");
        m.put("noCandidates", false);
        m.put("sent", List.of("explanation to ceo@sample.example"));
        m.put("nothingSent", false);
        m.put("links", true);
        m.put("suspicious", false);
        m.put("apiUrl", "https://frontdesk.example/console/cases/100");
        m.put("count", 2);
        m.put("messages", List.of(Map.of("received", "Sunday", "subject", "again", "id", 101)));
        m.put("formUrl", "https://frontdesk.example/api/links/a");
        m.put("stillHeld", Map.of("count", 2, "messages", List.of(Map.of("subject", "New bank details", "received", "Sunday"))));
        m.put("redFlag", true); // checked with the red-flag wording, the longer of the two
        m.put("callWhen", "30.11"); // a day (in words in real mails); neutral here, the sample serves both languages
        // what went wrong, named (care.WentWrong); the sample serves both languages, so it names a subject only
        m.put("wentWrong", List.of("«Order 77»", "«INV-1»"));
        m.put("promised", Map.of("tasks", List.of(Map.of("id", 7, "what", "call Sample LLC", "due", "Monday, 30 November 2026, 11:00 (MSK)",
                "overdue", false, "assignee", "olga@frontdesk.example", "account", "Sample LLC", "reference", "FD-100",
                "promise", "call the customer"))));
        m.put("reply", "Thank you for your message."); // a person's words in a rejection reply; checked again when sent
        m.put("greetName", "Ivan");
        // why the rejected case was opened: both, so that the start-up checks read the advice of each
        m.put("unknownSender", true);
        m.put("unverifiedContact", true);
        m.put("handedBy", "Lead");
        m.put("note", "please call them today");
        m.put("topic", "Suspension notice?");
        m.put("personalManager", Map.of("name", "Olga"));
        m.put("colleagues", Map.of("one", true));
        m.putAll(CustomerNews.sample()); // the mails that tell customers what changed
        m.putAll(TaskMails.sample()); // overdue promises to the lead, a recovery to the manager
        m.putAll(RecoveryMail.sample()); // the recovery mail, with an offer
        // the mails to staff
        m.put("checkWords", "its digital signature (DKIM) did not match");
        m.put("rejection", Map.of("by", "anna@sample.example", "note", "not one of ours"));
        m.put("question", "Why are we threatened with a suspension?");
        m.put("brief", Map.of("orders", List.of(Map.of("number", "118", "date", "20 November 2026", "amount", "RUB 1,500.00",
                        "received", "on Friday, 20 November 2026, 16:00 (MSK)")),
                "notices", List.of(Map.of("what", "Suspension notice", "id", 7, "state", "is held", "until", "until Wednesday, 25 November 2026, 18:00 (MSK)",
                        "why", "we wait while the payment order goes through the bank", "url", "https://frontdesk.example/console/notices/7")),
                "nothingOnFile", false));
        m.put("knows", true);
        m.put("candidates", List.of(Map.of("account", "Sample LLC", "url", "https://frontdesk.example/console/accounts/100", "confidence", 90,
                "evidence", "invoice number INV-1")));
        m.putAll(StaffMails.sample());
        m.putAll(AdminAlert.sample());
        m.putAll(NoticeMails.sample());
        m.putAll(PaymentOrderMails.sample());
        m.putAll(CareDesk.sample());
        for (String o : List.of("authorize", "reject", "confirm", "authorized", "rejected", "confirmed", "alreadyDone", "invalid")) {
            m.put(o, o.equals("authorize") || o.equals("authorized"));
        }
        return m;
    }
}
