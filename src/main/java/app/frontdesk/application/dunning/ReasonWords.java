package app.frontdesk.application.dunning;

import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The gate's reasons as staff read them, in their language, with amounts and times formatted for
 * them (the API keeps the English message and the code). A reason without its facts (one read back
 * from a stored decision) is said by its code alone.
 */
public final class ReasonWords {

    private ReasonWords() {
    }

    /** The full sentence: "Счёт INV-2026-0042 оплачен полностью (1 500,00 ₽ из 1 500,00 ₽)." */
    public static String sentence(Reason r, StaffReader reader) {
        Map<String, Object> f = r.facts();
        boolean ru = reader.ru();
        if (f.isEmpty() && !r.code().equals("NO_INVOICE") && !r.code().equals("RED_FLAG")) {
            String h = headline(r.code(), reader);
            return Character.toUpperCase(h.charAt(0)) + h.substring(1) + ".";
        }
        return switch (r.code()) {
            case "NO_INVOICE" -> ru ? "В уведомлении не указан ни один счёт, сверять его не с чем."
                    : "The notice names no invoice, so there is nothing to check it against.";
            case "UNKNOWN_INVOICE" -> ru ? "Счёт " + f.get("invoice") + " нам неизвестен: загрузите его или исправьте номер."
                    : "Invoice " + f.get("invoice") + " is not known to us: upload it first or correct the number.";
            case "INVOICE_OF_ANOTHER_ACCOUNT" -> ru ? "Счёт " + f.get("invoice") + " выставлен другому клиенту."
                    : "Invoice " + f.get("invoice") + " belongs to another account.";
            case "CURRENCY_MISMATCH" -> ru ? "Счёт " + f.get("invoice") + " выставлен в " + f.get("invoiceCurrency") + ", а уведомление требует "
                    + f.get("claimedCurrency") + "." : "Invoice " + f.get("invoice") + " is in " + f.get("invoiceCurrency")
                    + " but the notice claims " + f.get("claimedCurrency") + ".";
            case "INVOICE_CANCELLED" -> ru ? "Счёт " + f.get("invoice") + " отменён." : "Invoice " + f.get("invoice") + " was cancelled.";
            case "INVOICE_PAID" -> ru ? "Счёт " + f.get("invoice") + " оплачен полностью (" + money(f.get("paid"), reader) + " из "
                    + money(f.get("amount"), reader) + ")." : "Invoice " + f.get("invoice") + " is paid in full (" + money(f.get("paid"), reader)
                    + " of " + money(f.get("amount"), reader) + ").";
            case "DUPLICATE" -> ru ? "Такое же уведомление (" + kind(f.get("kind"), reader) + ") по счёту " + f.get("invoice") + " уже ушло "
                    + on(f.get("sent"), reader) + "; повторно в течение " + f.get("days") + " дн. его не отправляем."
                    : "The same notice (" + kind(f.get("kind"), reader) + ") for invoice " + f.get("invoice") + " already went out "
                    + on(f.get("sent"), reader) + "; it is not sent again within " + f.get("days") + " days.";
            case "AMOUNT_WRONG" -> ru ? "Уведомление требует " + money(f.get("claimed"), reader) + ", а к оплате " + money(f.get("outstanding"), reader)
                    + "; исправьте сумму на " + money(f.get("outstanding"), reader) + "." : "The notice claims " + money(f.get("claimed"), reader)
                    + " but " + money(f.get("outstanding"), reader) + " is outstanding; correct the amount to " + money(f.get("outstanding"), reader) + ".";
            case "PAYMENT_EVIDENCE" -> ru ? "Клиент прислал платёжное поручение" + (f.containsKey("number") ? " № " + f.get("number") : "") + " от "
                    + date(f.get("date"), reader) + (f.containsKey("amount") ? " на " + money(f.get("amount"), reader) : "")
                    + "; пока платёж идёт через банк, ждём " + until(f.get("until"), reader) + "."
                    : "The customer sent a payment order" + (f.containsKey("number") ? " No. " + f.get("number") : "") + " dated "
                    + date(f.get("date"), reader) + (f.containsKey("amount") ? " for " + money(f.get("amount"), reader) : "")
                    + "; while the payment goes through the bank we wait " + until(f.get("until"), reader) + ".";
            case "UNALLOCATED_PAYMENT" -> ru ? "У клиента есть платежи на " + money(f.get("unallocated"), reader)
                    + ", ещё не разнесённые по счетам, и их хватает на всю сумму; сначала разнесите их."
                    : "The account has payments of " + money(f.get("unallocated"), reader)
                    + " not yet allocated to invoices, enough to cover the claim; allocate them first.";
            case "NOT_BUSINESS_TIME" -> ru ? "Оно пришло бы клиенту " + on(f.get("planned"), reader) + ", когда ответить ему некому; уйдёт "
                    + on(f.get("next"), reader) + "."
                    : "It would reach the customer " + on(f.get("planned"), reader) + ", when nobody can answer; it goes out "
                    + on(f.get("next"), reader) + ".";
            case "OPEN_CASE" -> ru ? "У клиента открыто обращение (" + f.get("cases") + "); уведомление ждёт одобрения персонального менеджера."
                    : "The account has an open case (" + f.get("cases") + "); the personal manager must approve this notice.";
            case "RED_FLAG" -> ru ? "На клиенте красный флаг после повторных плохих опытов; уведомление ждёт одобрения персонального менеджера."
                    : "The account is red-flagged after repeated bad experiences; the personal manager must approve this notice.";
            case "CLEAR" -> ru ? "Ничто не мешает отправке: к оплате " + money(f.get("outstanding"), reader)
                    + ", платежей, платёжных поручений и открытых обращений нет."
                    : "Nothing speaks against sending: " + money(f.get("outstanding"), reader)
                    + " is outstanding and no payment, payment order or open case is known.";
            default -> r.message();
        };
    }

    /** A few words for a code, for a list or a summary: "ждём, пока платёж пройдёт через банк". */
    public static String headline(String code, StaffReader reader) {
        boolean ru = reader.ru();
        return switch (code) {
            case "PAYMENT_EVIDENCE" -> ru ? "ждём, пока платёж по платёжному поручению пройдёт через банк"
                    : "we wait while the payment order goes through the bank";
            case "UNALLOCATED_PAYMENT" -> ru ? "у клиента есть неразнесённые платежи на эту сумму" : "unallocated payments of the customer's cover it";
            case "INVOICE_PAID" -> ru ? "счёт уже оплачен" : "the invoice is paid";
            case "AMOUNT_WRONG" -> ru ? "сумма в уведомлении неверна" : "the amount in the notice is wrong";
            case "NOT_BUSINESS_TIME" -> ru ? "ждёт рабочего времени клиента" : "it waits for the customer's business hours";
            case "OPEN_CASE" -> ru ? "у клиента открыто обращение, нужно решение менеджера" : "the account has an open case: the manager decides";
            case "RED_FLAG" -> ru ? "на клиенте красный флаг, нужно решение менеджера" : "the account is red-flagged: the manager decides";
            case "DUPLICATE" -> ru ? "такое уведомление недавно уже уходило" : "the same notice went out recently";
            case "UNKNOWN_INVOICE" -> ru ? "счёт нам неизвестен" : "the invoice is not known to us";
            case "INVOICE_OF_ANOTHER_ACCOUNT" -> ru ? "счёт выставлен другому клиенту" : "the invoice belongs to another account";
            case "CURRENCY_MISMATCH" -> ru ? "валюта уведомления не совпадает с валютой счёта" : "the currency does not match the invoice's";
            case "INVOICE_CANCELLED" -> ru ? "счёт отменён" : "the invoice was cancelled";
            case "NO_INVOICE" -> ru ? "в уведомлении нет счёта" : "the notice names no invoice";
            case "CLEAR" -> ru ? "ничто не мешает отправке" : "nothing speaks against sending";
            default -> code;
        };
    }

    /** The kind of notice in words: "уведомление о приостановке обслуживания", "suspension notice". */
    public static String kind(Object kind, StaffReader reader) {
        if (!(kind instanceof NoticeKind k)) {
            return String.valueOf(kind);
        }
        boolean ru = reader.ru();
        return switch (k) {
            case REMINDER -> ru ? "напоминание об оплате" : "payment reminder";
            case FINAL -> ru ? "последнее требование об оплате" : "final demand";
            case SUSPENSION -> ru ? "уведомление о приостановке обслуживания" : "suspension notice";
        };
    }

    /** What the gate did with the notice: "задержано", "released". */
    public static String verdict(Verdict v, StaffReader reader) {
        boolean ru = reader.ru();
        return switch (v) {
            case SEND -> ru ? "отпущено" : "released";
            case HOLD -> ru ? "задержано" : "held";
            case BLOCK -> ru ? "остановлено" : "blocked";
        };
    }

    static String money(Object m, StaffReader reader) {
        return m instanceof Money money ? reader.money(money.amount(), money.currency()) : String.valueOf(m);
    }

    private static String on(Object t, StaffReader reader) {
        return t instanceof Instant i ? reader.on(i) : String.valueOf(t);
    }

    private static String until(Object t, StaffReader reader) {
        return t instanceof Instant i ? reader.until(i) : String.valueOf(t);
    }

    private static String date(Object d, StaffReader reader) {
        return d instanceof LocalDate l ? reader.date(l) : String.valueOf(d);
    }
}
