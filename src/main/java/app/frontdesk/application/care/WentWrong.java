package app.frontdesk.application.care;

import app.frontdesk.application.texts.Topic;
import app.frontdesk.domain.model.care.Experience;
import app.frontdesk.domain.model.care.ExperienceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong for a customer, in words they read ("мы прислали вам уведомление об оплате, хотя вы
 * уже заплатили") and in words staff read: the red-flag paragraph names it instead of "something".
 * Only what the experience itself says: the subject a complaint was written under, never an amount.
 */
public final class WentWrong {

    /** At most this many things are named; the most recent kinds win. */
    static final int MAX = 3;

    /** A complaint's or repeat contact's detail starts with the subject in quotes (see ComplaintDesk). */
    private static final Pattern SUBJECT = Pattern.compile("^\"(.*)\" \\(");

    private WentWrong() {
    }

    /** One phrase per kind of experience (the latest of each), oldest first, at most {@value #MAX}. */
    public static List<String> forCustomer(List<Experience> history, Locale lang) {
        Map<ExperienceKind, Experience> latest = new LinkedHashMap<>();
        for (Experience e : history) {
            latest.remove(e.kind());
            latest.put(e.kind(), e);
        }
        List<Experience> named = new ArrayList<>(latest.values());
        named = named.subList(Math.max(0, named.size() - MAX), named.size());
        return named.stream().map(e -> phrase(e, lang.getLanguage().equals("ru"))).toList();
    }

    private static String phrase(Experience e, boolean ru) {
        String topic = topic(e);
        String about = topic.isEmpty() ? "" : ru ? " («" + topic + "»)" : " (\"" + topic + "\")";
        return switch (e.kind()) {
            case UNKNOWN_SENDER_CASE -> ru ? "вашему коллеге пришлось писать нам с адреса, которого у нас не было, и ждать ответа"
                    : "a colleague of yours had to write to us from an address we did not have, and wait for an answer";
            case CASE_REOPENED -> ru ? "вопрос, который мы считали решённым, вернулся к нам снова"
                    : "a matter we thought was settled came back to us";
            case WRONG_NOTICE -> ru ? "мы прислали вам уведомление об оплате, хотя вы уже заплатили"
                    : "we sent you a payment notice although you had already paid";
            case REPEAT_CONTACT -> ru ? "вам пришлось снова писать нам о том же" + about : "you had to write to us again about the same thing" + about;
            case COMPLAINT -> ru ? "вы написали нам о проблеме" + about : "you wrote to us about a problem" + about;
            case DEADLINE_MISSED -> ru ? "мы не ответили вам в срок, который сами назвали" : "we did not answer you by the time we had given";
        };
    }

    /** A kind of experience as staff read it in the red-flag alert. */
    public static String forStaff(ExperienceKind kind, Locale lang) {
        boolean ru = lang.getLanguage().equals("ru");
        return switch (kind) {
            case UNKNOWN_SENDER_CASE -> ru ? "писали с незарегистрированного адреса" : "wrote from an address not on file";
            case CASE_REOPENED -> ru ? "вопрос вернулся после закрытия" : "a closed matter came back";
            case WRONG_NOTICE -> ru ? "уведомление об оплате ушло по ошибке" : "a payment notice went out wrongly";
            case REPEAT_CONTACT -> ru ? "повторное обращение" : "repeat contact";
            case COMPLAINT -> ru ? "жалоба" : "complaint";
            case DEADLINE_MISSED -> ru ? "не ответили в обещанный срок" : "promised answer late";
        };
    }

    private static String topic(Experience e) {
        if (e.detail() == null || (e.kind() != ExperienceKind.COMPLAINT && e.kind() != ExperienceKind.REPEAT_CONTACT)) {
            return "";
        }
        Matcher m = SUBJECT.matcher(e.detail());
        return m.find() ? Topic.of(m.group(1)) : "";
    }
}
