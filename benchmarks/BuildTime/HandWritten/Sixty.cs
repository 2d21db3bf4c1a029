// 60 Hamiltonians: six variations of each of ten kinds (see README.md beside this file).
using PolyNet;

namespace BuildTime;

public static partial class Sixty
{
    public static double H0(double x, double y, double z) => (double)(x*y + 0.25*x*y*z);

    public static float H1(float x, float y, float z) => (float)(x*y + 0.25f*x*y*z);

    public static double H2(double a, double b, double c, double d, double e, double f, double g, double h) => (double)(a*b*c*d*e*f*g*h + 0.25*a*b);

    public static double H3(double x, double y, double z) => (double)(0.5*(x*x + y*y + z*z) + 0.25*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3*x*y*z);

    public static float H4(float x, float y, float z) => (float)(0.5f*(x*x + y*y + z*z) + 0.25f*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3f*x*y*z);

    public static double H5(int s1, int s2, int s3, int s4, int s5, int s6) => (double)(-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 0.25*s1);

    public static double H6(bool a, bool b, bool c, bool d, bool e) => (double)((a && b ? 0.25 : 0) + (c ? -1 : 0) + (a && b && c ? 2 : 0) - (b && c && d ? 3 : 0) + (a && d && e ? 1 : 0));

    public static double H7(double a, double b, double c, double d, double e, double f) => (double)(a*b*c*d*e*f + 0.25*a*b);

    public static double H8(double u, double v) => (double)(u*u*u*u*u*u*u - 0.25*u*u*v + v*v*v);

    public static double H9(double x, double y, bool a, bool b, int s1, int s2) => (double)(x*s1*s2 + (a ? 0.25*y : 0) + x*y*s1 - (b ? 0.3*x*x : 0) + (a && b ? s2 : 0) + 0.7*x - s1);

    public static double H10(double x, double y, double z) => (double)(x*y + 0.5*x*y*z);

    public static float H11(float x, float y, float z) => (float)(x*y + 0.5f*x*y*z);

    public static double H12(double a, double b, double c, double d, double e, double f, double g, double h) => (double)(a*b*c*d*e*f*g*h + 0.5*a*b);

    public static double H13(double x, double y, double z) => (double)(0.5*(x*x + y*y + z*z) + 0.5*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3*x*y*z);

    public static float H14(float x, float y, float z) => (float)(0.5f*(x*x + y*y + z*z) + 0.5f*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3f*x*y*z);

    public static double H15(int s1, int s2, int s3, int s4, int s5, int s6) => (double)(-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 0.5*s1);

    public static double H16(bool a, bool b, bool c, bool d, bool e) => (double)((a && b ? 0.5 : 0) + (c ? -1 : 0) + (a && b && c ? 2 : 0) - (b && c && d ? 3 : 0) + (a && d && e ? 1 : 0));

    public static double H17(double a, double b, double c, double d, double e, double f) => (double)(a*b*c*d*e*f + 0.5*a*b);

    public static double H18(double u, double v) => (double)(u*u*u*u*u*u*u - 0.5*u*u*v + v*v*v);

    public static double H19(double x, double y, bool a, bool b, int s1, int s2) => (double)(x*s1*s2 + (a ? 0.5*y : 0) + x*y*s1 - (b ? 0.3*x*x : 0) + (a && b ? s2 : 0) + 0.7*x - s1);

    public static double H20(double x, double y, double z) => (double)(x*y + 0.75*x*y*z);

    public static float H21(float x, float y, float z) => (float)(x*y + 0.75f*x*y*z);

    public static double H22(double a, double b, double c, double d, double e, double f, double g, double h) => (double)(a*b*c*d*e*f*g*h + 0.75*a*b);

    public static double H23(double x, double y, double z) => (double)(0.5*(x*x + y*y + z*z) + 0.75*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3*x*y*z);

    public static float H24(float x, float y, float z) => (float)(0.5f*(x*x + y*y + z*z) + 0.75f*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3f*x*y*z);

    public static double H25(int s1, int s2, int s3, int s4, int s5, int s6) => (double)(-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 0.75*s1);

    public static double H26(bool a, bool b, bool c, bool d, bool e) => (double)((a && b ? 0.75 : 0) + (c ? -1 : 0) + (a && b && c ? 2 : 0) - (b && c && d ? 3 : 0) + (a && d && e ? 1 : 0));

    public static double H27(double a, double b, double c, double d, double e, double f) => (double)(a*b*c*d*e*f + 0.75*a*b);

    public static double H28(double u, double v) => (double)(u*u*u*u*u*u*u - 0.75*u*u*v + v*v*v);

    public static double H29(double x, double y, bool a, bool b, int s1, int s2) => (double)(x*s1*s2 + (a ? 0.75*y : 0) + x*y*s1 - (b ? 0.3*x*x : 0) + (a && b ? s2 : 0) + 0.7*x - s1);

    public static double H30(double x, double y, double z) => (double)(x*y + 1.5*x*y*z);

    public static float H31(float x, float y, float z) => (float)(x*y + 1.5f*x*y*z);

    public static double H32(double a, double b, double c, double d, double e, double f, double g, double h) => (double)(a*b*c*d*e*f*g*h + 1.5*a*b);

    public static double H33(double x, double y, double z) => (double)(0.5*(x*x + y*y + z*z) + 1.5*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3*x*y*z);

    public static float H34(float x, float y, float z) => (float)(0.5f*(x*x + y*y + z*z) + 1.5f*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3f*x*y*z);

    public static double H35(int s1, int s2, int s3, int s4, int s5, int s6) => (double)(-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 1.5*s1);

    public static double H36(bool a, bool b, bool c, bool d, bool e) => (double)((a && b ? 1.5 : 0) + (c ? -1 : 0) + (a && b && c ? 2 : 0) - (b && c && d ? 3 : 0) + (a && d && e ? 1 : 0));

    public static double H37(double a, double b, double c, double d, double e, double f) => (double)(a*b*c*d*e*f + 1.5*a*b);

    public static double H38(double u, double v) => (double)(u*u*u*u*u*u*u - 1.5*u*u*v + v*v*v);

    public static double H39(double x, double y, bool a, bool b, int s1, int s2) => (double)(x*s1*s2 + (a ? 1.5*y : 0) + x*y*s1 - (b ? 0.3*x*x : 0) + (a && b ? s2 : 0) + 0.7*x - s1);

    public static double H40(double x, double y, double z) => (double)(x*y + 2.5*x*y*z);

    public static float H41(float x, float y, float z) => (float)(x*y + 2.5f*x*y*z);

    public static double H42(double a, double b, double c, double d, double e, double f, double g, double h) => (double)(a*b*c*d*e*f*g*h + 2.5*a*b);

    public static double H43(double x, double y, double z) => (double)(0.5*(x*x + y*y + z*z) + 2.5*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3*x*y*z);

    public static float H44(float x, float y, float z) => (float)(0.5f*(x*x + y*y + z*z) + 2.5f*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3f*x*y*z);

    public static double H45(int s1, int s2, int s3, int s4, int s5, int s6) => (double)(-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 2.5*s1);

    public static double H46(bool a, bool b, bool c, bool d, bool e) => (double)((a && b ? 2.5 : 0) + (c ? -1 : 0) + (a && b && c ? 2 : 0) - (b && c && d ? 3 : 0) + (a && d && e ? 1 : 0));

    public static double H47(double a, double b, double c, double d, double e, double f) => (double)(a*b*c*d*e*f + 2.5*a*b);

    public static double H48(double u, double v) => (double)(u*u*u*u*u*u*u - 2.5*u*u*v + v*v*v);

    public static double H49(double x, double y, bool a, bool b, int s1, int s2) => (double)(x*s1*s2 + (a ? 2.5*y : 0) + x*y*s1 - (b ? 0.3*x*x : 0) + (a && b ? s2 : 0) + 0.7*x - s1);

    public static double H50(double x, double y, double z) => (double)(x*y + 3*x*y*z);

    public static float H51(float x, float y, float z) => (float)(x*y + 3f*x*y*z);

    public static double H52(double a, double b, double c, double d, double e, double f, double g, double h) => (double)(a*b*c*d*e*f*g*h + 3*a*b);

    public static double H53(double x, double y, double z) => (double)(0.5*(x*x + y*y + z*z) + 3*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3*x*y*z);

    public static float H54(float x, float y, float z) => (float)(0.5f*(x*x + y*y + z*z) + 3f*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3f*x*y*z);

    public static double H55(int s1, int s2, int s3, int s4, int s5, int s6) => (double)(-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - 3*s1);

    public static double H56(bool a, bool b, bool c, bool d, bool e) => (double)((a && b ? 3 : 0) + (c ? -1 : 0) + (a && b && c ? 2 : 0) - (b && c && d ? 3 : 0) + (a && d && e ? 1 : 0));

    public static double H57(double a, double b, double c, double d, double e, double f) => (double)(a*b*c*d*e*f + 3*a*b);

    public static double H58(double u, double v) => (double)(u*u*u*u*u*u*u - 3*u*u*v + v*v*v);

    public static double H59(double x, double y, bool a, bool b, int s1, int s2) => (double)(x*s1*s2 + (a ? 3*y : 0) + x*y*s1 - (b ? 0.3*x*x : 0) + (a && b ? s2 : 0) + 0.7*x - s1);
}
