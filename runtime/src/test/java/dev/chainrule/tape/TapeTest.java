package dev.chainrule.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TapeTest {
  @Test
  void popsInReverseOrderOfPushingEachKindOnItsOwnStack() {
    Tape tape = new Tape();
    tape.push(1.5);
    tape.push(7);
    tape.push(2.5);
    tape.push(Long.MAX_VALUE);
    tape.push(true);
    tape.rewind();
    assertTrue(tape.popBoolean());
    assertEquals(Long.MAX_VALUE, tape.popLong());
    assertEquals(2.5, tape.popDouble());
    assertEquals(7, tape.popInt());
    assertEquals(1.5, tape.popDouble());
  }

  @Test
  void growsPastItsInitialCapacityKeepingEveryValue() {
    Tape tape = new Tape();
    for (int i = 0; i < 10_000; i++) {
      tape.push(i * 0.5);
      tape.push(i);
    }
    tape.rewind();
    for (int i = 9_999; i >= 0; i--) {
      assertEquals(i, tape.popInt());
      assertEquals(i * 0.5, tape.popDouble());
    }
    assertEquals(20_000, tape.size());
  }

  @Test
  void rewindLetsBackwardReadTheSameRecordingTwice() {
    Tape tape = new Tape();
    tape.push(3.0);
    tape.push(false);
    for (int run = 0; run < 2; run++) {
      tape.rewind();
      assertFalse(tape.popBoolean());
      assertEquals(3.0, tape.popDouble());
    }
  }

  @Test
  void clearStartsANewRecording() {
    Tape tape = new Tape();
    tape.push(1.0);
    tape.clear();
    tape.push(2.0);
    tape.rewind();
    assertEquals(2.0, tape.popDouble());
    assertEquals(1, tape.size());
    assertThrows(IllegalStateException.class, tape::popDouble);
  }

  @Test
  void poppingMoreThanWasPushedSaysSo() {
    Tape tape = new Tape();
    tape.push(4);
    tape.rewind();
    tape.popInt();
    IllegalStateException e = assertThrows(IllegalStateException.class, tape::popInt);
    assertTrue(e.getMessage().contains("more than forward recorded"), e.getMessage());
  }

  @Test
  void arraysComeBackWholeIntoTheBufferOfTheirLength() {
    Tape tape = new Tape();
    tape.push(new double[] {1.5, 2.5, 3.5});
    tape.push(9);
    tape.push(new int[] {4, 5});
    tape.rewind();
    int[] ints = tape.popInts(new int[7]);
    assertEquals(2, ints.length);
    assertEquals(5, ints[1]);
    assertEquals(9, tape.popInt());
    double[] buffer = new double[3];
    double[] doubles = tape.popDoubles(buffer);
    assertTrue(doubles == buffer, "the buffer of the right length is reused");
    assertEquals(1.5, doubles[0]);
    assertEquals(3.5, doubles[2]);
  }
}
