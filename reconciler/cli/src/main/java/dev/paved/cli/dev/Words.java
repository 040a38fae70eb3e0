package dev.paved.cli.dev;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The vocabulary synthetic declarations are named from, and helpers to turn names into titles and keys. */
final class Words {

    static final List<String> DOMAINS = List.of("payments", "checkout", "catalog", "identity", "search",
            "logistics", "inventory", "pricing", "marketing", "loyalty", "fulfilment", "returns", "billing",
            "messaging", "analytics", "fraud", "reviews", "content", "media", "partners", "support", "shipping",
            "warehouse", "accounts", "orders", "subscriptions", "promotions", "tax", "ads", "mobile", "storefront",
            "insights");

    static final List<String> QUALIFIERS = List.of("core", "emea", "apac", "amer", "growth", "ops", "data",
            "experience", "integrations", "platform");

    static final List<String> GROUPS = List.of("commerce", "consumer", "operations", "finance", "foundations",
            "enterprise", "engagement", "supply-chain");

    static final List<String> NOUNS = List.of("cart", "ledger", "invoice", "refund", "wallet", "coupon", "basket",
            "session", "profile", "token", "review", "rating", "stock", "parcel", "label", "route", "carrier",
            "quote", "offer", "feed", "banner", "email", "sms", "push", "webhook", "payout", "settlement",
            "dispute", "chargeback", "receipt", "price", "product", "image", "video", "consent", "audit",
            "address", "geo", "store", "voucher", "gift-card", "order", "shipment", "tracking", "returns-label",
            "customer", "merchant", "supplier", "contract", "catalog-sync", "taxonomy", "locale", "currency",
            "fx-rate", "risk", "kyc", "ticket", "chat", "survey", "experiment");

    static final List<String> API_ROLES = List.of("api", "service", "gateway", "bff", "graph");
    static final List<String> WORKER_ROLES = List.of("worker", "consumer", "indexer", "sync", "processor",
            "projector");
    static final List<String> CRON_ROLES = List.of("job", "scheduler", "reconciler", "cleanup", "report",
            "exporter");

    private static final List<String> ACRONYMS = List.of("api", "bff", "sms", "fx", "kyc", "emea", "apac",
            "amer");

    private Words() {
    }

    static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    /** {@code fx-rate-api} becomes {@code Fx Rate API}. */
    static String title(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("-")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (ACRONYMS.contains(part)) {
                out.append(part.toUpperCase(Locale.ROOT));
            } else {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code ledger-api} becomes {@code LEDGER_API}, an environment variable name. */
    static String envKey(String name) {
        return name.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
