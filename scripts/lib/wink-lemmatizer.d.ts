declare module 'wink-lemmatizer';
