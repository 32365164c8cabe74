// w1_limit: the practical limit for W1 on this kind of machine (the team's gmm_c_fast.c, issue 19, kept here so
// that `bench` can run it in the same run; only its output line differs: it also prints M per CPU-second, the
// figure `bench` compares). It draws its own random numbers (gmm_c.c's streams, not ScoreScope's), so its
// particles are not ScoreScope's; it is a speed reference only. The original comment follows.
//
// W1 (see gmm_numpy.py, gmm_c.c in the team's bench folder) written for speed: the same DDPM step and the same exact
// mixture score as gmm_c.c, operation for operation, with the same random numbers: particle i at step st
// draws u1, u2 from the same counter-based SplitMix64 stream (i*0x9E3779B97F4A7C15 ^ st<<40) and turns
// them into two normals by the same Box-Muller transform; the initial particles are gmm_c.c's. So the final
// particles agree with gmm_c.c's to rounding, not only in distribution (exp/log/sin/cos here are 1-2 ulp
// polynomials instead of libm's).
//
// What differs is only how the work is laid out:
//  * the particle loop is the vector loop: 8 particles per AVX-512 register (gmm_c.c vectorises over the
//    K=8 components of one particle and then reduces horizontally);
//  * every transcendental is inlined and vectorised over the 8 particles: exp by a 16-entry 2^(j/16) table in
//    two registers plus a degree-7 polynomial and vscalefpd; log by getexp/getmant and fdlibm's kernel;
//    sin/cos(2 pi u) by exact quadrant reduction of u and fdlibm's kernels; the SplitMix64 mix with vpmullq
//    (gmm_c.c calls scalar log, cos and sin per particle and reduces the K lanes horizontally);
//  * per-step constants are broadcast once; OpenMP static schedule over chunks of 4096 particles (one
//    contiguous range per thread; OMP_SCHEDULE=dynamic also works: the noise is per particle, so any
//    schedule and thread count gives bit-identical particles).
// On a machine shared with other work run it (and gmm_c.c) with OMP_WAIT_POLICY=passive: libgomp's default
// spin at the per-step barrier makes 2-thread runs collapse there (seen: 100k particles, 3-5 vs 90-130 M/s).
//
// Build: gcc -O3 -march=native -ffast-math -fopenmp gmm_c_fast.c -o gmm_c_fast -lm
// Run:   OMP_NUM_THREADS=P ./gmm_c_fast N T [reps] [mode]     (defaults 1000000 20 1 full)
//        reps > 1 repeats the timed run from the same initial particles (one line each);
//        mode "score" times the score evaluation alone (no noise, no update): M score evaluations/s.
//        DUMP=file writes the final x then y (N doubles each, native byte order) after the timing.
// Without AVX-512F/DQ (or with -DPORTABLE) gmm_c.c's own loop runs instead (and says "portable"); the fast
// path needs AVX-512F+DQ (this machine: AMD EPYC, family 26, avx512f/dq/vl/bw).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include <omp.h>
#if defined(__AVX512F__) && defined(__AVX512DQ__) && !defined(PORTABLE)
#include <immintrin.h>
#define FAST512 1
#else
#define FAST512 0
#endif
#define K 8
#define CHUNK 4096   // particles per scheduling chunk (a multiple of 8)
#define GOLD 0x9E3779B97F4A7C15ULL
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static double cpu(){struct timespec t;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static unsigned long long splitmix(unsigned long long *s){unsigned long long z=(*s+=GOLD);z=(z^(z>>30))*0xBF58476D1CE4E5B9ULL;z=(z^(z>>27))*0x94D049BB133111EBULL;return z^(z>>31);}

static const char *sched_name(){omp_sched_t k;int c;omp_get_schedule(&k,&c);return k==omp_sched_static?"":k==omp_sched_dynamic?", dynamic":k==omp_sched_guided?", guided":", other";}

// Per-step constants, exactly as gmm_c.c computes them.
typedef struct { double m0[K],m1[K],P0[K],P1[K],P2[K],lc[K]; double oma,sa,sn; unsigned long long key; } Step;

#if FAST512
typedef __m512d V; typedef __m512i VI;
#define B(c) _mm512_set1_pd(c)
// e^x for x <= 0 (finite): x = (n/16) ln2 + r with |r| <= ln2/32 (two-constant Cody-Waite with FMA),
// e^r - 1 by its Taylor polynomial to r^7 (truncation < 2e-18), 2^(n/16) = 2^floor(n/16) * 2^((n mod 16)/16)
// from a 16-entry table held in two registers (vpermi2pd), 2^floor by vscalefpd (exact; 0 below the double
// range). Max error 1.8 ulp (checked against expl over [-745, 0]).
static inline V vexp(V x){
  const V T0=_mm512_set_pd(1.3542555469368927,1.2968395546510096,1.241857812073484,1.189207115002721,1.1387886347566916,1.0905077326652577,1.0442737824274138,1.0);
  const V T1=_mm512_set_pd(1.9152065613971474,1.8340080864093424,1.7562521603732995,1.681792830507429,1.6104903319492543,1.5422108254079407,1.4768261459394993,1.4142135623730951);
  V n=_mm512_roundscale_pd(_mm512_mul_pd(x,B(23.083120654223414)),_MM_FROUND_TO_NEAREST_INT|_MM_FROUND_NO_EXC);
  V r=_mm512_fnmadd_pd(n,B(0.6931471805599453/16),x); r=_mm512_fnmadd_pd(n,B(2.3190468138462996e-17/16),r);
  V t=_mm512_permutex2var_pd(T0,_mm512_cvtpd_epi64(n),T1);   // low 4 bits of n pick the entry
  V p=B(1.0/5040.0);
  p=_mm512_fmadd_pd(p,r,B(1.0/720.0)); p=_mm512_fmadd_pd(p,r,B(1.0/120.0)); p=_mm512_fmadd_pd(p,r,B(1.0/24.0));
  p=_mm512_fmadd_pd(p,r,B(1.0/6.0));   p=_mm512_fmadd_pd(p,r,B(0.5));
  p=_mm512_mul_pd(p,r); p=_mm512_fmadd_pd(p,r,r);           // e^r - 1 = r + r^2/2 + ... + r^7/7!
  return _mm512_scalef_pd(_mm512_fmadd_pd(t,p,t),_mm512_mul_pd(n,B(1.0/16)));
}
// log x for normal x > 0: x = 2^e m, m in [sqrt(1/2), sqrt(2)), fdlibm's __ieee754_log kernel (< 1 ulp).
static inline V vlog(V x){
  V e=_mm512_getexp_pd(x), m=_mm512_getmant_pd(x,_MM_MANT_NORM_1_2,_MM_MANT_SIGN_src);
  __mmask8 hi=_mm512_cmp_pd_mask(m,B(1.4142135623730951),_CMP_GT_OQ);
  m=_mm512_mask_mul_pd(m,hi,m,B(0.5)); e=_mm512_mask_add_pd(e,hi,e,B(1.0));
  V f=_mm512_sub_pd(m,B(1.0)), s=_mm512_div_pd(f,_mm512_add_pd(f,B(2.0))), z=_mm512_mul_pd(s,s), w=_mm512_mul_pd(z,z);
  V t1=_mm512_mul_pd(w,_mm512_fmadd_pd(w,_mm512_fmadd_pd(w,B(1.531383769920937332e-01),B(2.222219843214978396e-01)),B(3.999999999940941908e-01)));
  V t2=_mm512_mul_pd(z,_mm512_fmadd_pd(w,_mm512_fmadd_pd(w,_mm512_fmadd_pd(w,B(1.479819860511658591e-01),B(1.818357216161805012e-01)),B(2.857142874366239149e-01)),B(6.666666666666735130e-01)));
  V R=_mm512_add_pd(t2,t1), hfsq=_mm512_mul_pd(B(0.5),_mm512_mul_pd(f,f));
  // e*ln2_hi - ((hfsq - (s*(hfsq+R) + e*ln2_lo)) - f)
  V q=_mm512_fmadd_pd(e,B(1.90821492927058770002e-10),_mm512_mul_pd(s,_mm512_add_pd(hfsq,R)));
  return _mm512_fmsub_pd(e,B(6.93147180369123816490e-01),_mm512_sub_pd(_mm512_sub_pd(hfsq,q),f));
}
// cos(2 pi u), sin(2 pi u) for u in [0,1): u = q/4 + f exactly (|f| <= 1/8), fdlibm sin/cos kernels on
// |2 pi f| <= pi/4 (< 1 ulp), then the quadrant q mod 4 by swap and sign.
static inline void vsincos2pi(V u,V *c,V *s){
  V q=_mm512_roundscale_pd(_mm512_mul_pd(u,B(4.0)),_MM_FROUND_TO_NEAREST_INT|_MM_FROUND_NO_EXC);
  V f=_mm512_fnmadd_pd(q,B(0.25),u), x=_mm512_mul_pd(f,B(6.283185307179586)), z=_mm512_mul_pd(x,x);
  V ps=_mm512_fmadd_pd(z,B(1.58969099521155010221e-10),B(-2.50507602534068634195e-08));
  ps=_mm512_fmadd_pd(ps,z,B(2.75573137070700676789e-06)); ps=_mm512_fmadd_pd(ps,z,B(-1.98412698298579493134e-04));
  ps=_mm512_fmadd_pd(ps,z,B(8.33333333332248946124e-03)); ps=_mm512_fmadd_pd(ps,z,B(-1.66666666666666324348e-01));
  V sn=_mm512_fmadd_pd(_mm512_mul_pd(x,z),ps,x);
  V pc=_mm512_fmadd_pd(z,B(-1.13596475577881948265e-11),B(2.08757232129817482790e-09));
  pc=_mm512_fmadd_pd(pc,z,B(-2.75573143513906633035e-07)); pc=_mm512_fmadd_pd(pc,z,B(2.48015872894767294178e-05));
  pc=_mm512_fmadd_pd(pc,z,B(-1.38888888888741095749e-03)); pc=_mm512_fmadd_pd(pc,z,B(4.16666666666666019037e-02));
  V hz=_mm512_mul_pd(B(0.5),z), w=_mm512_sub_pd(B(1.0),hz);
  V cs=_mm512_add_pd(w,_mm512_fmadd_pd(_mm512_mul_pd(z,z),pc,_mm512_sub_pd(_mm512_sub_pd(B(1.0),w),hz)));
  VI qi=_mm512_cvtpd_epi64(q);                                   // 0..4
  __mmask8 odd=_mm512_test_epi64_mask(qi,_mm512_set1_epi64(1));  // q=1,3: swap
  __mmask8 q2=_mm512_test_epi64_mask(qi,_mm512_set1_epi64(2));   // q=2,3
  V cc=_mm512_mask_blend_pd(odd,cs,sn), ss=_mm512_mask_blend_pd(odd,sn,cs);
  V neg=B(-0.0);
  *c=_mm512_mask_xor_pd(cc,(__mmask8)(odd^q2),cc,neg);           // cos negative in quadrants 1,2
  *s=_mm512_mask_xor_pd(ss,q2,ss,neg);                           // sin negative in quadrants 2,3
}
static inline VI vmix(VI z){   // SplitMix64's output function
  z=_mm512_mullo_epi64(_mm512_xor_si512(z,_mm512_srli_epi64(z,30)),_mm512_set1_epi64((long long)0xBF58476D1CE4E5B9ULL));
  z=_mm512_mullo_epi64(_mm512_xor_si512(z,_mm512_srli_epi64(z,27)),_mm512_set1_epi64((long long)0x94D049BB133111EBULL));
  return _mm512_xor_si512(z,_mm512_srli_epi64(z,31));
}
static inline V vunit(VI z){   // (z>>11)*2^-53
  return _mm512_mul_pd(_mm512_cvtepi64_pd(_mm512_srli_epi64(z,11)),B(0x1.0p-53));
}
// Particles [lo,hi) (lo, hi multiples of 8) of one step. score_only: write the score to (ox,oy) instead.
static void block(const Step *S,double *restrict x,double *restrict y,long lo,long hi,int score_only,double *restrict ox,double *restrict oy){
  V m0[K],m1[K],P0[K],P1[K],P2[K],lc[K];
  for(int k=0;k<K;k++){m0[k]=B(S->m0[k]);m1[k]=B(S->m1[k]);P0[k]=B(S->P0[k]);P1[k]=B(S->P1[k]);P2[k]=B(S->P2[k]);lc[k]=B(S->lc[k]);}
  const V oma=B(S->oma),sa=B(S->sa),sn=B(S->sn),half=B(0.5);
  // rs = i*GOLD ^ st<<40 for the 8 lanes; i*GOLD advances by 8*GOLD per block (mod 2^64, as in gmm_c.c)
  VI ig=_mm512_mullo_epi64(_mm512_add_epi64(_mm512_set1_epi64(lo),_mm512_set_epi64(7,6,5,4,3,2,1,0)),_mm512_set1_epi64((long long)GOLD));
  const VI ig8=_mm512_set1_epi64((long long)(8*GOLD)), key=_mm512_set1_epi64((long long)S->key);
  const VI g1=_mm512_set1_epi64((long long)GOLD), g2=_mm512_set1_epi64((long long)(2*GOLD));
  for(long i=lo;i<hi;i+=8,ig=_mm512_add_epi64(ig,ig8)){
    V X=_mm512_load_pd(x+i),Y=_mm512_load_pd(y+i);
    V lw[K],gx[K],gy[K],mx=B(-1e300);
    for(int k=0;k<K;k++){
      V dx=_mm512_sub_pd(X,m0[k]),dy=_mm512_sub_pd(Y,m1[k]);
      V px=_mm512_fmadd_pd(P0[k],dx,_mm512_mul_pd(P1[k],dy)),py=_mm512_fmadd_pd(P1[k],dx,_mm512_mul_pd(P2[k],dy));
      lw[k]=_mm512_fnmadd_pd(half,_mm512_fmadd_pd(dx,px,_mm512_mul_pd(dy,py)),lc[k]);
      gx[k]=px;gy[k]=py;mx=_mm512_max_pd(mx,lw[k]);
    }
    V sw=_mm512_setzero_pd(),sx=sw,sy=sw;
    for(int k=0;k<K;k++){V w=vexp(_mm512_sub_pd(lw[k],mx));sw=_mm512_add_pd(sw,w);sx=_mm512_fnmadd_pd(w,gx[k],sx);sy=_mm512_fnmadd_pd(w,gy[k],sy);}
    sx=_mm512_div_pd(sx,sw);sy=_mm512_div_pd(sy,sw);
    if(score_only){_mm512_store_pd(ox+i,sx);_mm512_store_pd(oy+i,sy);continue;}
    VI rs=_mm512_xor_si512(ig,key);
    V u1=_mm512_add_pd(vunit(vmix(_mm512_add_epi64(rs,g1))),B(1e-300)), u2=vunit(vmix(_mm512_add_epi64(rs,g2)));
    V r=_mm512_sqrt_pd(_mm512_mul_pd(B(-2.0),vlog(u1))), c,s; vsincos2pi(u2,&c,&s);
    V rn=_mm512_mul_pd(sn,r);
    _mm512_store_pd(x+i,_mm512_fmadd_pd(rn,c,_mm512_mul_pd(_mm512_fmadd_pd(oma,sx,X),sa)));
    _mm512_store_pd(y+i,_mm512_fmadd_pd(rn,s,_mm512_mul_pd(_mm512_fmadd_pd(oma,sy,Y),sa)));
  }
}
#else
// Portable path (no AVX-512): gmm_c.c's own per-particle loop, vectorised over the K components as there.
static void block(const Step *S,double *restrict x,double *restrict y,long lo,long hi,int score_only,double *restrict ox,double *restrict oy){
  for(long i=lo;i<hi;i++){
    double lw[K],gx[K],gy[K],mx=-1e300;
    #pragma omp simd
    for(int k=0;k<K;k++){double dx=x[i]-S->m0[k],dy=y[i]-S->m1[k];double px=S->P0[k]*dx+S->P1[k]*dy,py=S->P1[k]*dx+S->P2[k]*dy;
      lw[k]=S->lc[k]-0.5*(dx*px+dy*py);gx[k]=-px;gy[k]=-py;}
    for(int k=0;k<K;k++) mx=lw[k]>mx?lw[k]:mx;
    double sw=0,sx=0,sy=0;
    #pragma omp simd reduction(+:sw,sx,sy)
    for(int k=0;k<K;k++){double w=exp(lw[k]-mx);sw+=w;sx+=w*gx[k];sy+=w*gy[k];}
    sx/=sw;sy/=sw;
    if(score_only){ox[i]=sx;oy[i]=sy;continue;}
    unsigned long long rs=(unsigned long long)i*GOLD^S->key;double u1=(splitmix(&rs)>>11)*0x1.0p-53+1e-300,u2=(splitmix(&rs)>>11)*0x1.0p-53;double r=sqrt(-2*log(u1));
    x[i]=(x[i]+S->oma*sx)*S->sa+S->sn*r*cos(2*M_PI*u2); y[i]=(y[i]+S->oma*sy)*S->sa+S->sn*r*sin(2*M_PI*u2);
  }
}
#endif

int main(int argc,char**argv){
  long N=argc>1?atol(argv[1]):1000000; int T=argc>2?atoi(argv[2]):20; int reps=argc>3?atoi(argv[3]):1;
  int score_only=argc>4&&!strcmp(argv[4],"score");
  if(N<1||T<1||reps<1){fprintf(stderr,"usage: %s N T [reps] [full|score]\n",argv[0]);return 2;}
  double mu[K][2],S[K][3]; for(int k=0;k<K;k++){double a=2*M_PI*k/K,c=cos(a),s=sin(a);mu[k][0]=4*c;mu[k][1]=4*s;
    S[k][0]=0.3*c*c+0.05*s*s; S[k][1]=(0.3-0.05)*c*s; S[k][2]=0.3*s*s+0.05*c*c;}
  double beta[1000],abf[1000],p=1; for(int i=0;i<1000;i++){beta[i]=1e-4+(0.02-1e-4)*i/999.0;p*=1-beta[i];abf[i]=p;}
  long Np=(N+7)/8*8;   // padded to whole 8-lane blocks (one 64-byte line of x and of y); pad lanes are never reported
  size_t bytes=(size_t)Np*sizeof(double);
  double *x0=aligned_alloc(64,bytes),*y0=aligned_alloc(64,bytes),*x=aligned_alloc(64,bytes),*y=aligned_alloc(64,bytes);
  double *ox=score_only?aligned_alloc(64,bytes):NULL,*oy=score_only?aligned_alloc(64,bytes):NULL;
  if(!x0||!y0||!x||!y||(score_only&&(!ox||!oy))){fprintf(stderr,"out of memory\n");return 1;}
  // initial particles: gmm_c.c's, bit for bit
  const char *se=getenv("SEED"); unsigned long long sd=se?strtoull(se,0,10):0;   // SEED=s: independent streams (0: gmm_c.c's)
  unsigned long long seed=1+sd*0xD1B54A32D192ED03ULL; for(long i=0;i<N;i++){double u1=(splitmix(&seed)>>11)*0x1.0p-53+1e-300,u2=(splitmix(&seed)>>11)*0x1.0p-53;double r=sqrt(-2*log(u1));x0[i]=r*cos(2*M_PI*u2);y0[i]=r*sin(2*M_PI*u2);}
  for(long i=N;i<Np;i++){x0[i]=0;y0[i]=0;}
  if(score_only){memset(ox,0,bytes);memset(oy,0,bytes);}
  long nch=(Np+CHUNK-1)/CHUNK; double best=0;
  if(!getenv("OMP_SCHEDULE")) omp_set_schedule(omp_sched_static,0);
  for(int rep=0;rep<reps;rep++){
    memcpy(x,x0,bytes);memcpy(y,y0,bytes);
    double t0=now(),c0=cpu();
    for(int st=T;st>=1;st--){
      double ab=abf[(int)llround(999.0*st/T)], abp=abf[(int)llround(999.0*(st-1)/T)], a=ab/abp;
      Step P;
      for(int k=0;k<K;k++){double c0=ab*S[k][0]+1-ab,c1=ab*S[k][1],c2=ab*S[k][2]+1-ab,det=c0*c2-c1*c1;
        P.P0[k]=c2/det;P.P1[k]=-c1/det;P.P2[k]=c0/det;P.lc[k]=log(1.0/K)-0.5*log(det);P.m0[k]=sqrt(ab)*mu[k][0];P.m1[k]=sqrt(ab)*mu[k][1];}
      P.oma=1-a;P.sa=1/sqrt(a);P.sn=sqrt(1-a);P.key=((unsigned long long)st<<40)^(sd*0xD1B54A32D192ED03ULL);
      // chunks of CHUNK particles; schedule(runtime): static (one contiguous range per thread) unless
      // OMP_SCHEDULE says otherwise, e.g. OMP_SCHEDULE=dynamic on a machine shared with other work
      #pragma omp parallel for schedule(runtime)
      for(long c=0;c<nch;c++) block(&P,x,y,c*CHUNK,c+1<nch?(c+1)*CHUNK:Np,score_only,ox,oy);
    }
    double dt=now()-t0,dc=cpu()-c0; double cs=0; for(long i=0;i<N;i++) cs+=score_only?ox[i]+oy[i]:x[i]+y[i];
    double rate=N*(double)T/dt/1e6; if(rate>best) best=rate;
    if(score_only) printf("Cfast-score(%d threads%s%s) N=%ld T=%d K=%d: %.2f M score-evals/s (%.1f ms/step) chk=%g cpu/wall=%.3f\n",omp_get_max_threads(),FAST512?", avx512":", portable",sched_name(),N,T,K,rate,dt/T*1e3,cs,dc/dt);
    else printf("Cfast(%d threads%s%s) N=%ld T=%d K=%d: %.2f M particle-steps/s, %.2f M per CPU-second (%.1f ms/step) chk=%g cpu/wall=%.3f\n",omp_get_max_threads(),FAST512?", avx512":", portable",sched_name(),N,T,K,rate,N*(double)T/dc/1e6,dt/T*1e3,cs,dc/dt);
  }
  if(reps>1) printf("best of %d: %.2f M/s\n",reps,best);
  const char *dump=getenv("DUMP");
  if(dump&&!score_only){FILE *f=fopen(dump,"wb"); if(f){fwrite(x,8,N,f);fwrite(y,8,N,f);fclose(f);}}
  return 0;
}
