/* Built by test_export against the C arrays an export wrote (model.h / model.c): reads one
 * layer's input and computes its output from the generated arrays alone — input quantization,
 * int8 weights x per-channel scales, folded bias and activation — for convolutions (groups,
 * dilation, padding) and linear layers. Without arguments it prints the weight count and sum.
 *   layer INDEX INPUT.bin OUTPUT.bin   (float32 files; layer 0's input is raw pixels) */
#include "model.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static float activate(const char *name, float x) {
    if (!strcmp(name, "relu")) return x > 0 ? x : 0;
    if (!strcmp(name, "relu6")) return x < 0 ? 0 : x > 6 ? 6 : x;
    if (!strcmp(name, "sigmoid")) return 1.0f / (1.0f + expf(-x));
    if (!strcmp(name, "swish")) return x / (1.0f + expf(-x));
    if (!strcmp(name, "hsigmoid")) { float y = x / 6.0f + 0.5f; return y < 0 ? 0 : y > 1 ? 1 : y; }
    if (!strcmp(name, "hswish")) { float y = x / 6.0f + 0.5f; return x * (y < 0 ? 0 : y > 1 ? 1 : y); }
    return x;
}

static float quantize(const model_layer_t *layer, float x) {
    if (layer->input_scale <= 0) return x;
    float q = nearbyintf(x / layer->input_scale) + (float)layer->input_zero_point;
    if (q < layer->input_qmin) q = (float)layer->input_qmin;
    if (q > layer->input_qmax) q = (float)layer->input_qmax;
    return (q - (float)layer->input_zero_point) * layer->input_scale;
}

int main(int argc, char **argv) {
    long long sum = 0, count = 0;
    for (int index = 0; index < MODEL_LAYER_COUNT; ++index) {
        const model_layer_t *layer = &model_layers[index];
        for (int w = 0; w < layer->weight_count; ++w) sum += layer->weights[w];
        count += layer->weight_count;
    }
    printf("{\"layers\": %d, \"weights\": %lld, \"sum\": %lld}\n", MODEL_LAYER_COUNT, count, sum);
    if (argc < 4) return 0;
    const model_layer_t *layer = &model_layers[atoi(argv[1])];
    const int inputs = layer->in_c * layer->in_h * layer->in_w, outputs = layer->out_c * layer->out_h * layer->out_w;
    float *x = malloc(sizeof(float) * inputs), *y = malloc(sizeof(float) * outputs);
    FILE *file = fopen(argv[2], "rb");
    if (!file || fread(x, sizeof(float), inputs, file) != (size_t)inputs) return 2;
    fclose(file);
    for (int i = 0; i < inputs; ++i) {
        if (layer->inputs[0] < 0) {
            const int channel = i / (layer->in_h * layer->in_w);
            x[i] = (x[i] - model_input_mean[channel]) / model_input_deviation[channel];
        }
        x[i] = quantize(layer, x[i]);
    }
    if (layer->kind == MODEL_CONV) {
        const int per_group_in = layer->in_c / layer->groups, per_group_out = layer->out_c / layer->groups, k = layer->kernel;
        for (int oc = 0; oc < layer->out_c; ++oc)
            for (int oy = 0; oy < layer->out_h; ++oy)
                for (int ox = 0; ox < layer->out_w; ++ox) {
                    float total = 0;
                    const int group = oc / per_group_out;
                    for (int ic = 0; ic < per_group_in; ++ic)
                        for (int ky = 0; ky < k; ++ky)
                            for (int kx = 0; kx < k; ++kx) {
                                const int iy = oy * layer->stride - layer->padding + ky * layer->dilation;
                                const int ix = ox * layer->stride - layer->padding + kx * layer->dilation;
                                if (iy < 0 || ix < 0 || iy >= layer->in_h || ix >= layer->in_w) continue;
                                const int8_t q = layer->weights[((oc * per_group_in + ic) * k + ky) * k + kx];
                                total += x[((group * per_group_in + ic) * layer->in_h + iy) * layer->in_w + ix] * (q * layer->weight_scales[oc]);
                            }
                    if (layer->bias) total += layer->bias[oc];
                    y[(oc * layer->out_h + oy) * layer->out_w + ox] = activate(layer->activation, total);
                }
    } else if (layer->kind == MODEL_LINEAR) {
        for (int o = 0; o < layer->out_c; ++o) {
            float total = layer->bias ? layer->bias[o] : 0;
            for (int i = 0; i < inputs; ++i) total += x[i] * (layer->weights[o * inputs + i] * layer->weight_scales[o]);
            y[o] = activate(layer->activation, total);
        }
    } else {
        return 3;
    }
    file = fopen(argv[3], "wb");
    fwrite(y, sizeof(float), outputs, file);
    fclose(file);
    return 0;
}
