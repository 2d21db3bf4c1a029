using PolyNet;

/// <summary>
/// The product of n variables, compiled once per depth limit: MaxHiddenLayers = k asks for the cheapest network
/// with at most k hidden layers, no limit (the default) for the deep tree of 4-neuron gates.
/// </summary>
public static partial class Products
{
    [Hamiltonian("a*b")]
    public static partial double P2(double a, double b);

    [Hamiltonian("a*b*c", MaxHiddenLayers = 1)]
    public static partial double P3k1(double a, double b, double c);

    [Hamiltonian("a*b*c")]
    public static partial double P3(double a, double b, double c);

    [Hamiltonian("a*b*c*d", MaxHiddenLayers = 1)]
    public static partial double P4k1(double a, double b, double c, double d);

    [Hamiltonian("a*b*c*d")]
    public static partial double P4(double a, double b, double c, double d);

    // PNET100: "Flattening a*b*c*d*e*f into 1 hidden layer costs 64 neurons, 3.2× the deep network's 20 in
    // 3 layers, and raises the error bound from 2.8e-12 to 2.6e-6". Paying that price on purpose is what this
    // sample shows, so the warning is suppressed here and the program prints the same numbers.
#pragma warning disable PNET100
    [Hamiltonian("a*b*c*d*e*f", MaxHiddenLayers = 1)]
    public static partial double P6k1(double a, double b, double c, double d, double e, double f);
#pragma warning restore PNET100

    [Hamiltonian("a*b*c*d*e*f", MaxHiddenLayers = 2)]
    public static partial double P6k2(double a, double b, double c, double d, double e, double f);

    [Hamiltonian("a*b*c*d*e*f")]
    public static partial double P6(double a, double b, double c, double d, double e, double f);

    // PNET100: "Flattening a*b*c*d*e*f*g*h into 1 hidden layer costs 256 neurons, 9.1× the deep network's 28 in
    // 3 layers, and raises the error bound from 3.9e-12 to 1.8e-4".
#pragma warning disable PNET100
    [Hamiltonian("a*b*c*d*e*f*g*h", MaxHiddenLayers = 1)]
    public static partial double P8k1(double a, double b, double c, double d, double e, double f, double g, double h);
#pragma warning restore PNET100

    [Hamiltonian("a*b*c*d*e*f*g*h", MaxHiddenLayers = 2)]
    public static partial double P8k2(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("a*b*c*d*e*f*g*h")]
    public static partial double P8(double a, double b, double c, double d, double e, double f, double g, double h);

    // Cost only from here on. The flat product of 16 (k = 1) would compile, but into 65,536 neurons of
    // generated code; the sample takes its cost from the formula, as for 32.
    private const string Product16 = "v0*v1*v2*v3*v4*v5*v6*v7*v8*v9*v10*v11*v12*v13*v14*v15";

    [Hamiltonian(Product16, MaxHiddenLayers = 2)]
    public static partial double P16k2(double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7,
                                       double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15);

    [Hamiltonian(Product16, MaxHiddenLayers = 3)]
    public static partial double P16k3(double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7,
                                       double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15);

    [Hamiltonian(Product16)]
    public static partial double P16(double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7,
                                     double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15);

    // The flat product of 32 (k = 1) is refused with PNET101, an error: "flattening v0*…*v31 into 1 hidden layer
    // needs 4,294,967,296 neurons, more than the limit of 100,000". It cannot be declared.
    private const string Product32 = "v0*v1*v2*v3*v4*v5*v6*v7*v8*v9*v10*v11*v12*v13*v14*v15"
        + "*v16*v17*v18*v19*v20*v21*v22*v23*v24*v25*v26*v27*v28*v29*v30*v31";

    // PNET100: "Flattening v0*v1*…*v31 into 2 hidden layers costs 304 neurons, 2.5× the deep network's 124 in
    // 5 layers, and raises the error bound from 1.7e-11 to 6.3e-5".
#pragma warning disable PNET100
    [Hamiltonian(Product32, MaxHiddenLayers = 2)]
    public static partial double P32k2(double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7,
                                       double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15,
                                       double v16, double v17, double v18, double v19, double v20, double v21, double v22, double v23,
                                       double v24, double v25, double v26, double v27, double v28, double v29, double v30, double v31);
#pragma warning restore PNET100

    [Hamiltonian(Product32, MaxHiddenLayers = 3)]
    public static partial double P32k3(double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7,
                                       double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15,
                                       double v16, double v17, double v18, double v19, double v20, double v21, double v22, double v23,
                                       double v24, double v25, double v26, double v27, double v28, double v29, double v30, double v31);

    [Hamiltonian(Product32, MaxHiddenLayers = 4)]
    public static partial double P32k4(double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7,
                                       double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15,
                                       double v16, double v17, double v18, double v19, double v20, double v21, double v22, double v23,
                                       double v24, double v25, double v26, double v27, double v28, double v29, double v30, double v31);

    [Hamiltonian(Product32)]
    public static partial double P32(double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7,
                                     double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15,
                                     double v16, double v17, double v18, double v19, double v20, double v21, double v22, double v23,
                                     double v24, double v25, double v26, double v27, double v28, double v29, double v30, double v31);
}
