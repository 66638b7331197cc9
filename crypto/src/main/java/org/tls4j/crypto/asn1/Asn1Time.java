package org.tls4j.crypto.asn1;

/**
 * The two time types of X.509, in the restricted forms RFC 5280, Section 4.1.2.5 requires:
 * UTCTime {@code YYMMDDHHMMSSZ} (years 1950-2049) and GeneralizedTime {@code YYYYMMDDHHMMSSZ}, both in
 * UTC with seconds and without fractions. Times are seconds since 1970-01-01T00:00:00Z.
 */
public final class Asn1Time {
    private Asn1Time() {}

    /** RFC 5280, Section 4.1.2.5.1: YY >= 50 means 19YY, YY < 50 means 20YY. */
    static long parseUtcTime(byte[] c) throws DerException {
        if (c.length != 13 || c[12] != 'Z') {
            throw new DerException("UTCTime must be YYMMDDHHMMSSZ (RFC 5280, Section 4.1.2.5.1)");
        }
        int yy = digits(c, 0, 2);
        int year = yy >= 50 ? 1900 + yy : 2000 + yy;
        return toEpoch(year, digits(c, 2, 2), digits(c, 4, 2), digits(c, 6, 2), digits(c, 8, 2), digits(c, 10, 2));
    }

    /** RFC 5280, Section 4.1.2.5.2. */
    static long parseGeneralizedTime(byte[] c) throws DerException {
        if (c.length != 15 || c[14] != 'Z') {
            throw new DerException("GeneralizedTime must be YYYYMMDDHHMMSSZ (RFC 5280, Section 4.1.2.5.2)");
        }
        return toEpoch(digits(c, 0, 4), digits(c, 4, 2), digits(c, 6, 2), digits(c, 8, 2), digits(c, 10, 2), digits(c, 12, 2));
    }

    private static int digits(byte[] c, int off, int n) throws DerException {
        int v = 0;
        for (int i = off; i < off + n; i++) {
            if (c[i] < '0' || c[i] > '9') {
                throw new DerException("time: non-digit where a digit is required");
            }
            v = v * 10 + (c[i] - '0');
        }
        return v;
    }

    private static long toEpoch(int year, int month, int day, int hour, int min, int sec) throws DerException {
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || min > 59 || sec > 59) {
            throw new DerException("time: field out of range");
        }
        return daysFromCivil(year, month, day) * 86400L + hour * 3600L + min * 60L + sec;
    }

    static int daysInMonth(int y, int m) {
        if (m == 2) {
            boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            return leap ? 29 : 28;
        }
        return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the classic era-based computation). */
    static long daysFromCivil(int y, int m, int d) {
        long yy = m <= 2 ? y - 1 : y;
        long era = Math.floorDiv(yy, 400);
        long yoe = yy - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** Formats epoch seconds as {@code YYYYMMDDHHMMSSZ} (GeneralizedTime content). */
    public static String formatGeneralized(long epochSeconds) {
        long days = Math.floorDiv(epochSeconds, 86400L);
        long secs = Math.floorMod(epochSeconds, 86400L);
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        return String.format("%04d%02d%02d%02d%02d%02dZ", y, m, d, secs / 3600, (secs / 60) % 60, secs % 60);
    }

    /** Year of an instant (UTC). */
    public static int year(long epochSeconds) {
        return Integer.parseInt(formatGeneralized(epochSeconds).substring(0, 4));
    }
}
