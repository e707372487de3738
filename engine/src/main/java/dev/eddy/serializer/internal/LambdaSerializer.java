package dev.eddy.serializer.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Serializes {@link java.io.Serializable} lambdas through their {@link SerializedLambda}, for
 * registration under Kryo's {@code ClosureSerializer.Closure} marker class.
 *
 * <p>It differs from Kryo's own {@code ClosureSerializer} in two ways that matter in a notebook:
 * the capturing class is looked up in the lambda's own class loader (JShell's snippet loader)
 * rather than Kryo's, and reading calls the capturing class's {@code $deserializeLambda$} (which
 * is what {@code SerializedLambda.readResolve} does) so it needs no {@code --add-opens} of {@code
 * java.lang.invoke}. Stateless and thread-safe.
 */
public final class LambdaSerializer extends Serializer<Object> {

  @Override
  public void write(Kryo kryo, Output output, Object lambda) {
    SerializedLambda form = Lambdas.serializedForm(lambda);
    if (form == null) {
      throw new KryoException(
          "Lambda " + lambda.getClass().getName() + " is not Serializable: declare its target type"
              + " Serializable, for example (Function<A, B> & Serializable) x -> ...");
    }
    int count = form.getCapturedArgCount();
    output.writeVarInt(count, true);
    for (int i = 0; i < count; i++) {
      kryo.writeClassAndObject(output, form.getCapturedArg(i));
    }
    kryo.writeClass(output, Lambdas.capturingClass(form, lambda.getClass().getClassLoader()));
    output.writeString(form.getFunctionalInterfaceClass());
    output.writeString(form.getFunctionalInterfaceMethodName());
    output.writeString(form.getFunctionalInterfaceMethodSignature());
    output.writeVarInt(form.getImplMethodKind(), true);
    output.writeString(form.getImplClass());
    output.writeString(form.getImplMethodName());
    output.writeString(form.getImplMethodSignature());
    output.writeString(form.getInstantiatedMethodType());
  }

  @Override
  public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
    int count = input.readVarInt(true);
    Object[] captured = new Object[count];
    for (int i = 0; i < count; i++) {
      captured[i] = kryo.readClassAndObject(input);
    }
    Class<?> capturing = kryo.readClass(input).getType();
    SerializedLambda form = new SerializedLambda(capturing, input.readString(), input.readString(),
        input.readString(), input.readVarInt(true), input.readString(), input.readString(),
        input.readString(), input.readString(), captured);
    try {
      Method deserialize = capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
      deserialize.setAccessible(true);
      return deserialize.invoke(null, form);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new KryoException("Cannot recreate lambda " + form.getImplClass() + "."
          + form.getImplMethodName() + " in " + capturing.getName() + ": " + e, e);
    }
  }

  @Override
  public Object copy(Kryo kryo, Object original) {
    return original; // lambdas with captured state are treated as immutable values
  }
}
