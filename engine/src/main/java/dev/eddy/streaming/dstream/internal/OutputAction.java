package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.streaming.Time;
import java.io.Serializable;

/** What an output operation does with one batch's RDD. */
@FunctionalInterface
public interface OutputAction<T> extends Serializable {
  void run(RDD<T> rdd, Time time, OutputContext output) throws Exception;
}
