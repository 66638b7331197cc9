package org.tls4j.conformance.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists every class a compiled class file refers to, read from its constant pool (JVMS, Section 4.4):
 * CONSTANT_Class entries, and the class names inside field and method descriptors and signatures
 * (CONSTANT_Utf8 entries such as {@code (Ljavax/crypto/Cipher;)V}), which catch references that never
 * become a CONSTANT_Class (a parameter type only, an annotation, a generic signature).
 */
final class ClassReferences {
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+)[;<]");

    private ClassReferences() {}

    /** The class's own name (binary form with dots) and the dotted names of the classes it references. */
    static final class Result {
        final String thisClass;
        final Set<String> references;

        Result(String thisClass, Set<String> references) {
            this.thisClass = thisClass;
            this.references = references;
        }
    }

    static Result read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file (bad magic)");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count]; // for CONSTANT_Class entries: the index of their name
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: // Utf8
                    utf8[i] = in.readUTF();
                    break;
                case 7: // Class
                    classNameIndex[i] = in.readUnsignedShort();
                    break;
                case 8: // String
                case 16: // MethodType
                case 19: // Module
                case 20: // Package
                    in.readUnsignedShort();
                    break;
                case 3: // Integer
                case 4: // Float
                case 9: // Fieldref
                case 10: // Methodref
                case 11: // InterfaceMethodref
                case 12: // NameAndType
                case 17: // Dynamic
                case 18: // InvokeDynamic
                    in.readInt();
                    break;
                case 5: // Long
                case 6: // Double
                    in.readLong();
                    i++; // takes two slots
                    break;
                case 15: // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        int thisIndex = in.readUnsignedShort();
        Set<String> refs = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] == 0) {
                continue;
            }
            String name = utf8[classNameIndex[i]];
            // Array classes appear as descriptors, e.g. [Ljavax/crypto/Cipher;
            if (name.startsWith("[")) {
                addDescriptorClasses(name, refs);
            } else {
                refs.add(name.replace('/', '.'));
            }
        }
        for (String s : utf8) {
            if (s != null && (s.startsWith("(") || s.startsWith("L") || s.startsWith("[") || s.startsWith("<"))) {
                addDescriptorClasses(s, refs);
            }
        }
        String thisName = utf8[classNameIndex[thisIndex]].replace('/', '.');
        refs.remove(thisName);
        return new Result(thisName, refs);
    }

    private static void addDescriptorClasses(String s, Set<String> out) {
        Matcher m = DESCRIPTOR_CLASS.matcher(s);
        while (m.find()) {
            out.add(m.group(1).replace('/', '.'));
        }
    }
}
