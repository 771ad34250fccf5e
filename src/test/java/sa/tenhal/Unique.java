package sa.tenhal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import sa.tenhal.shared.NationalId;

/**
 * Codes, names and numbers that no other test in this JVM has drawn, for the rows that must be unique in the database
 * (a centre's code, a username, an identity number). Tests share one database through the whole suite, so a value
 * drawn at random or from the clock meets another test's sooner or later (the birthday problem: a centre code of six
 * random digits, drawn for a few hundred centres, collided once in a CI run). These are drawn from one counter: distinct
 * within the JVM for as many draws as the width allows. The counter starts at a random point so that a developer's runs
 * against a database they keep ({@code TENHAL_DB_URL}) seldom meet an earlier run's rows.
 */
public final class Unique {

    private static final AtomicLong NEXT =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

    private Unique() {}

    /** {@code digits} decimal digits (leading zeros kept), distinct from every other draw of that width in this JVM. */
    public static String digits(int digits) {
        return ("%0" + digits + "d").formatted(NEXT.getAndIncrement() % pow10(digits));
    }

    /** A number in {@code [from, to)}, distinct from every other drawn from that range in this JVM. */
    public static long between(long from, long to) {
        return from + Math.floorMod(NEXT.getAndIncrement(), to - from);
    }

    /** {@code prefix} and six digits: a centre's, clinic's or service's code (at most ten characters with a prefix of four). */
    public static String code(String prefix) {
        return prefix + digits(6);
    }

    /** {@code prefix} and nine digits: a username or the local part of an address. */
    public static String name(String prefix) {
        return prefix + digits(9);
    }

    /**
     * A valid identity number no other test in this JVM has: {@code kind} ('1' a citizen's national ID, '2' a
     * resident's iqama), eight digits and the check digit.
     */
    public static String identityNumber(char kind) {
        String first = kind + digits(8);
        return first + NationalId.checkDigitFor(first);
    }

    private static long pow10(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p;
    }
}
