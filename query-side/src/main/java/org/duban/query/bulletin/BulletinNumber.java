package org.duban.query.bulletin;

/** The official number of a bulletin, from its period: 2026-10 is 督办通报〔2026〕10号 (one bulletin a month). */
final class BulletinNumber {

    private BulletinNumber() {
    }

    static String of(String period) {
        return "督办通报〔" + period.substring(0, 4) + "〕" + Integer.parseInt(period.substring(5, 7)) + "号";
    }
}
