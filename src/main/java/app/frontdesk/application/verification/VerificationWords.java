package app.frontdesk.application.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What our mail server's checks found, in words a person reads ("цифровая подпись письма (DKIM) не
 * сошлась; домен не подтверждает сервер, с которого пришло письмо (SPF)"), never the verifier's raw
 * output ("spf=softfail, dkim=fail"): customers read only these words, staff read them with the raw
 * result as a detail line. A clause in lower case, without a final full stop, for a sentence around it.
 */
public final class VerificationWords {

    private VerificationWords() {
    }

    public static String of(Verification v, Locale lang) {
        boolean ru = lang != null && lang.getLanguage().equals("ru");
        return switch (v.status()) {
            case VERIFIED -> ru ? "домен отправителя подтверждён: письмо подписал почтовый сервер этого домена"
                    : "the sender's domain is confirmed: the domain's mail server signed the message";
            case TRUSTED_BY_POLICY -> ru ? "не проверялся: по настройкам адресу отправителя верим как есть"
                    : "not checked: the settings take the From address at its word";
            case NOT_CONFIGURED -> ru ? "не проверялся: проверка отправителей ещё не настроена"
                    : "not checked: sender verification is not configured yet";
            case UNVERIFIED -> unverified(v, ru);
        };
    }

    private static String unverified(Verification v, boolean ru) {
        if (v.checks().isEmpty()) {
            String e = v.evidence() == null ? "" : v.evidence();
            if (e.contains("unreadable") || e.contains("several lines")) {
                return ru ? "результат проверки нашего почтового сервера нельзя надёжно прочитать, поэтому он не в счёт"
                        : "our mail server's result could not be read reliably, so it does not count";
            }
            return ru ? "наш почтовый сервер не нашёл в письме ничего, что подтверждало бы отправителя"
                    : "our mail server found nothing in the message that confirms the sender";
        }
        List<String> said = new ArrayList<>();
        boolean signed = false;
        // the signature first, then the sending server, then the domain's policy: the order a person weighs them in
        List<Verification.Check> checks = new ArrayList<>(v.checks());
        checks.sort(java.util.Comparator.comparingInt(c -> List.of("dkim", "spf", "dmarc").indexOf(c.method()) < 0 ? 9
                : List.of("dkim", "spf", "dmarc").indexOf(c.method())));
        for (Verification.Check c : checks) {
            String phrase = switch (c.method()) {
                case "dkim" -> {
                    signed = true;
                    yield dkim(c, ru);
                }
                case "spf" -> spf(c, ru);
                case "dmarc" -> dmarc(c, ru);
                default -> null; // arc, iprev, auth ...: nothing a reader needs here
            };
            if (phrase != null && !said.contains(phrase)) {
                said.add(phrase);
            }
        }
        if (!signed) {
            said.add(0, ru ? "письмо не подписано цифровой подписью (DKIM)" : "it carries no digital signature (DKIM)");
        }
        return String.join("; ", said);
    }

    private static String dkim(Verification.Check c, boolean ru) {
        return switch (c.result()) {
            case "pass" -> ru ? "письмо подписано, но от имени другого домена" + of(c.domain())
                    : "it is signed, but for another domain" + of(c.domain());
            case "fail", "permerror" -> ru ? "цифровая подпись письма (DKIM) не сошлась: письмо изменили в пути или подписали не тем ключом"
                    : "its digital signature (DKIM) did not match: it was changed on the way or signed with another key";
            case "temperror" -> ru ? "цифровую подпись письма (DKIM) не удалось проверить из-за временной ошибки"
                    : "its digital signature (DKIM) could not be checked because of a temporary error";
            default -> ru ? "письмо не подписано цифровой подписью (DKIM)" : "it carries no digital signature (DKIM)";
        };
    }

    private static String spf(Verification.Check c, boolean ru) {
        return switch (c.result()) {
            case "pass" -> ru ? "сервер, с которого пришло письмо, вправе отправлять почту домена из конверта (SPF), но адрес в поле «От» это не подтверждает"
                    : "the server it came from may send for the envelope's domain (SPF), which does not confirm the From address";
            case "fail" -> ru ? "сервера, с которого пришло письмо, нет среди разрешённых для домена (SPF)"
                    : "the server it came from is not among the domain's allowed senders (SPF)";
            case "softfail" -> ru ? "домен не подтверждает сервер, с которого пришло письмо (SPF)"
                    : "the domain does not vouch for the server it came from (SPF)";
            case "temperror", "permerror" -> ru ? "список разрешённых серверов домена (SPF) не удалось прочитать"
                    : "the domain's list of allowed servers (SPF) could not be read";
            default -> ru ? "домен не указывает, с каких серверов он отправляет почту (SPF)"
                    : "the domain does not say which servers send its mail (SPF)";
        };
    }

    private static String dmarc(Verification.Check c, boolean ru) {
        return switch (c.result()) {
            case "pass" -> ru ? "политика домена (DMARC) подтвердила другой домен" + of(c.domain())
                    : "the domain policy (DMARC) confirmed another domain" + of(c.domain());
            case "fail" -> ru ? "политика домена (DMARC) письмо не подтвердила" : "the domain's policy (DMARC) did not confirm it";
            case "temperror", "permerror" -> ru ? "политику домена (DMARC) не удалось прочитать" : "the domain's policy (DMARC) could not be read";
            default -> ru ? "домен не публикует политику DMARC" : "the domain publishes no DMARC policy";
        };
    }

    private static String of(String domain) {
        return domain == null || domain.isEmpty() ? "" : " (" + domain + ")";
    }
}
