package org.scorescope.engine;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The large float arrays that frames view (a run's history blocks, a step's latest frame), lent to
 * frame recorders and taken back once no frame that views them is reachable — across runs and
 * recorders (the window makes a new {@link FrameRecorder} per run).
 *
 * <p>Why: at 1M particles × 4 samplers × T = 100 the history is ~770 MiB and a latest frame 32 MiB,
 * each array a G1 humongous object. Allocated block by block during a run, every new block could
 * start a concurrent cycle with its remark pause (3–68 remark pauses of 50–200 ms per window run,
 * issue 19); allocated anew for each run, a parameter change at the same N allocated ~800 MiB again.
 * Now a recorder takes its whole history once, at the run's first step, and a run of the same sizes
 * gets the arrays of an earlier run whose frames are all gone.
 *
 * <p>How a lent set is known to be free: every frame that views it holds its {@link Lease}
 * strongly, the pool holds it weakly; once the collector has cleared the weak reference, no frame
 * can read the arrays any more and they are lent again. (A reader must hold the frame while it
 * reads a view's array: {@link Frame.SamplerFrame#axis}.) The arrays are not cleared: a recorder
 * writes every part of a view before it publishes the frame. The pool holds the arrays softly, so a
 * free set never costs memory that a run needs.
 */
final class FrameMemory {
    /** What frames viewing a lent set hold; its arrays, of the lengths asked for. */
    static final class Lease {
        final float[][] arrays;

        private Lease(float[][] arrays) {
            this.arrays = arrays;
        }
    }

    /**
     * A pooled set. Its arrays are held softly: while lent, its frames hold them strongly; once free,
     * the collector may take them back when memory is short (a free 1M history is ~770 MiB).
     */
    private static final class Entry {
        final String kind;
        final long[] lengths;
        final SoftReference<float[][]> arrays;
        WeakReference<Lease> user;

        Entry(String kind, float[][] arrays) {
            this.kind = kind;
            this.lengths = Arrays.stream(arrays).mapToLong(a -> a.length).toArray();
            this.arrays = new SoftReference<>(arrays);
        }

        boolean free() {
            return user.get() == null;
        }

        /** Whether the arrays are gone (collected while free). */
        boolean gone() {
            return arrays.get() == null;
        }

        boolean fits(String k, long[] wanted) {
            return kind.equals(k) && Arrays.equals(lengths, wanted);
        }
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private FrameMemory() {
    }

    /**
     * A set of float arrays of these lengths: a free one of this kind, or new ones.
     *
     * @param kind what the set is for ("history", "latest")
     * @param kept sets of this kind pooled at most (beyond, the oldest one is no longer pooled, a free one first)
     */
    static synchronized Lease take(String kind, long[] lengths, int kept) {
        ENTRIES.removeIf(Entry::gone);
        for (Entry e : ENTRIES) {
            float[][] arrays = e.arrays.get();
            if (arrays != null && e.fits(kind, lengths) && e.free()) {
                Lease l = new Lease(arrays);
                e.user = new WeakReference<>(l);
                return l;
            }
        }
        float[][] arrays = new float[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            arrays[i] = new float[Math.toIntExact(lengths[i])];
        }
        Entry e = new Entry(kind, arrays);
        Lease l = new Lease(arrays);
        e.user = new WeakReference<>(l);
        ENTRIES.add(e);
        List<Entry> same = ENTRIES.stream().filter(x -> x.kind.equals(kind)).toList();
        if (same.size() > kept) {
            Entry drop = same.stream().filter(Entry::free).findFirst().orElse(same.get(0));
            ENTRIES.remove(drop); // a set still in use stays with its frames; it is only no longer pooled
        }
        return l;
    }

    /**
     * Makes sure {@code count} sets of this kind and these lengths are pooled (free or in use),
     * allocating the missing ones now: a run takes them at its start instead of in the middle.
     */
    static synchronized void reserve(String kind, long[] lengths, int count) {
        ENTRIES.removeIf(Entry::gone);
        long have = ENTRIES.stream().filter(e -> e.fits(kind, lengths)).count();
        if (have == 0) {
            ENTRIES.removeIf(e -> e.kind.equals(kind) && e.free()); // another size: not needed now
        }
        for (long i = have; i < count; i++) {
            float[][] arrays = new float[lengths.length][];
            for (int k = 0; k < lengths.length; k++) {
                arrays[k] = new float[Math.toIntExact(lengths[k])];
            }
            Entry e = new Entry(kind, arrays);
            e.user = new WeakReference<>(null);
            ENTRIES.add(e);
        }
    }

    /**
     * Stops pooling every free set, so the collector can take its arrays now: a soft reference
     * outlives {@code System.gc()} when the heap was mostly free at the previous collection, and the
     * memory check before a run must not count a free history as used.
     *
     * @return the bytes of the sets no longer pooled
     */
    static synchronized long releaseFree() {
        long bytes = 0;
        for (java.util.Iterator<Entry> it = ENTRIES.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.gone() || e.free()) {
                bytes += 4 * Arrays.stream(e.lengths).sum();
                it.remove();
            }
        }
        return bytes;
    }

    /** Sets pooled now (tests). */
    static synchronized int pooled() {
        return ENTRIES.size();
    }

    /** Whether these arrays are pooled (tests). */
    static synchronized boolean holds(float[] array) {
        return ENTRIES.stream().map(e -> e.arrays.get()).anyMatch(as -> as != null && Arrays.stream(as).anyMatch(a -> a == array));
    }
}
