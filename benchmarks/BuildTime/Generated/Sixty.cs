// 60 Hamiltonians: six variations of each of ten kinds (see README.md beside this file).
using PolyNet;

namespace BuildTime;

public static partial class Sixty
{
    [Hamiltonian("x*y + 0.25*x*y*z")]
    public static partial double H0(double x, double y, double z);

    [Hamiltonian("x*y + 0.25*x*y*z")]
    public static partial float H1(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h + 0.25*a*b")]
    public static partial double H2(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.25*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double H3(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.25*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial float H4(float x, float y, float z);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 0.25*s1")]
    public static partial double H5([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6);

    [Hamiltonian("2*a*b*c - 3*b*c*d + a*d*e + 0.25*a*b - c")]
    public static partial double H6(bool a, bool b, bool c, bool d, bool e);

    [Hamiltonian("a*b*c*d*e*f + 0.25*a*b", MaxHiddenLayers = 2)]
    public static partial double H7(double a, double b, double c, double d, double e, double f);

    [Hamiltonian("u^7 - 0.25*u^2*v + v^3")]
    public static partial double H8(double u, double v);

    [Hamiltonian("x*s1*s2 + 0.25*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
    public static partial double H9(double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2);

    [Hamiltonian("x*y + 0.5*x*y*z")]
    public static partial double H10(double x, double y, double z);

    [Hamiltonian("x*y + 0.5*x*y*z")]
    public static partial float H11(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h + 0.5*a*b")]
    public static partial double H12(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.5*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double H13(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.5*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial float H14(float x, float y, float z);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 0.5*s1")]
    public static partial double H15([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6);

    [Hamiltonian("2*a*b*c - 3*b*c*d + a*d*e + 0.5*a*b - c")]
    public static partial double H16(bool a, bool b, bool c, bool d, bool e);

    [Hamiltonian("a*b*c*d*e*f + 0.5*a*b", MaxHiddenLayers = 2)]
    public static partial double H17(double a, double b, double c, double d, double e, double f);

    [Hamiltonian("u^7 - 0.5*u^2*v + v^3")]
    public static partial double H18(double u, double v);

    [Hamiltonian("x*s1*s2 + 0.5*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
    public static partial double H19(double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2);

    [Hamiltonian("x*y + 0.75*x*y*z")]
    public static partial double H20(double x, double y, double z);

    [Hamiltonian("x*y + 0.75*x*y*z")]
    public static partial float H21(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h + 0.75*a*b")]
    public static partial double H22(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.75*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double H23(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.75*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial float H24(float x, float y, float z);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 0.75*s1")]
    public static partial double H25([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6);

    [Hamiltonian("2*a*b*c - 3*b*c*d + a*d*e + 0.75*a*b - c")]
    public static partial double H26(bool a, bool b, bool c, bool d, bool e);

    [Hamiltonian("a*b*c*d*e*f + 0.75*a*b", MaxHiddenLayers = 2)]
    public static partial double H27(double a, double b, double c, double d, double e, double f);

    [Hamiltonian("u^7 - 0.75*u^2*v + v^3")]
    public static partial double H28(double u, double v);

    [Hamiltonian("x*s1*s2 + 0.75*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
    public static partial double H29(double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2);

    [Hamiltonian("x*y + 1.5*x*y*z")]
    public static partial double H30(double x, double y, double z);

    [Hamiltonian("x*y + 1.5*x*y*z")]
    public static partial float H31(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h + 1.5*a*b")]
    public static partial double H32(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 1.5*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double H33(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 1.5*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial float H34(float x, float y, float z);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 1.5*s1")]
    public static partial double H35([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6);

    [Hamiltonian("2*a*b*c - 3*b*c*d + a*d*e + 1.5*a*b - c")]
    public static partial double H36(bool a, bool b, bool c, bool d, bool e);

    [Hamiltonian("a*b*c*d*e*f + 1.5*a*b", MaxHiddenLayers = 2)]
    public static partial double H37(double a, double b, double c, double d, double e, double f);

    [Hamiltonian("u^7 - 1.5*u^2*v + v^3")]
    public static partial double H38(double u, double v);

    [Hamiltonian("x*s1*s2 + 1.5*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
    public static partial double H39(double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2);

    [Hamiltonian("x*y + 2.5*x*y*z")]
    public static partial double H40(double x, double y, double z);

    [Hamiltonian("x*y + 2.5*x*y*z")]
    public static partial float H41(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h + 2.5*a*b")]
    public static partial double H42(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 2.5*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double H43(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 2.5*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial float H44(float x, float y, float z);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 2.5*s1")]
    public static partial double H45([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6);

    [Hamiltonian("2*a*b*c - 3*b*c*d + a*d*e + 2.5*a*b - c")]
    public static partial double H46(bool a, bool b, bool c, bool d, bool e);

    [Hamiltonian("a*b*c*d*e*f + 2.5*a*b", MaxHiddenLayers = 2)]
    public static partial double H47(double a, double b, double c, double d, double e, double f);

    [Hamiltonian("u^7 - 2.5*u^2*v + v^3")]
    public static partial double H48(double u, double v);

    [Hamiltonian("x*s1*s2 + 2.5*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
    public static partial double H49(double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2);

    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial double H50(double x, double y, double z);

    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial float H51(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h + 3*a*b")]
    public static partial double H52(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 3*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double H53(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 3*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial float H54(float x, float y, float z);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 3*s1")]
    public static partial double H55([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6);

    [Hamiltonian("2*a*b*c - 3*b*c*d + a*d*e + 3*a*b - c")]
    public static partial double H56(bool a, bool b, bool c, bool d, bool e);

    [Hamiltonian("a*b*c*d*e*f + 3*a*b", MaxHiddenLayers = 2)]
    public static partial double H57(double a, double b, double c, double d, double e, double f);

    [Hamiltonian("u^7 - 3*u^2*v + v^3")]
    public static partial double H58(double u, double v);

    [Hamiltonian("x*s1*s2 + 3*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
    public static partial double H59(double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2);
}
